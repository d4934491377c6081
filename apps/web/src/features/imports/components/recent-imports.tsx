import { useQuery } from '@tanstack/react-query';
import { Card, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/format';
import { type ImportSummary, importListQueryOptions } from '../api/imports-api';
import { ImportStatusTag } from './import-status-tag';

const shown = 10;

/** The user's latest imports, each linking to its page (mapping, progress or result). */
export const RecentImports = () => {
  const { t } = useTranslation();
  const list = useQuery(importListQueryOptions());
  const items = list.data?.items.slice(0, shown) ?? [];
  if (list.isError || (!list.isPending && items.length === 0)) return null;
  return (
    <Card
      aria-labelledby="recent-imports-title"
      role="region"
      title={<span id="recent-imports-title">{t('imports.recent.title')}</span>}
      size="small"
      style={{ marginTop: 16 }}
      loading={list.isPending}
    >
      <List<ImportSummary>
        dataSource={items}
        renderItem={(item) => (
          <List.Item key={item.id}>
            <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
              <Flex gap={8} align="center" wrap="wrap" justify="space-between">
                <Link to={`/imports/${item.id}`} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                  {item.fileName}
                </Link>
                <ImportStatusTag status={item.status} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(item.createdAt)}
                {item.status === 'draft' ? null : (
                  <>
                    {' · '}
                    {t('imports.recent.counts', item.counts)}
                  </>
                )}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
};
