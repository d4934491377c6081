import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorResult } from '../../../components/error-result';
import { PageHeader } from '../../../components/page-header';
import { importKeys, importQueryOptions } from '../api/imports-api';
import { ImportSteps } from '../components/import-steps';
import { MappingStep } from '../components/mapping-step';
import { ProgressStep } from '../components/progress-step';

/**
 * One import at /imports/:id: the mapping while it is a draft, then its progress. Everything comes
 * from the server, so a reload (or another tab) shows the same step and the same progress.
 */
export const ImportPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const query = useQuery(importQueryOptions(id));
  const [previewShown, setPreviewShown] = useState(false);
  const status = query.data?.status;

  // Once it has run, lists elsewhere are out of date: the customer list (its queries live under the
  // 'customers' key; no import from that feature, DESIGN.md §3) and the recent imports.
  const finished = status === 'succeeded' || status === 'failed';
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: ['customers'] });
    void queryClient.invalidateQueries({ queryKey: importKeys.list() });
  }, [finished, queryClient]);

  const current = !status || status === 'draft' ? (previewShown ? 2 : 1) : 3;
  return (
    <>
      <PageHeader title={t('imports.title')} />
      <ImportSteps current={current} done={status === 'succeeded'} />
      {query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Spin spinning>
          <div style={{ minHeight: 160 }} />
        </Spin>
      ) : query.data.status === 'draft' ? (
        <MappingStep key={query.data.id} record={query.data} onPreviewChange={setPreviewShown} />
      ) : (
        <ProgressStep record={query.data} />
      )}
    </>
  );
};
