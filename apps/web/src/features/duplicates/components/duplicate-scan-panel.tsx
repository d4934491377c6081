import { ScanOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { showError } from '../../../app/forms';
import { formatDateTime } from '../../../components/format';
import {
  invalidateDuplicateGroups,
  isScanActive,
  latestScanQueryOptions,
  startDuplicateScan,
} from '../api/duplicates-api';

const statusColor = { queued: 'default', running: 'processing', succeeded: 'success', failed: 'error' };

/** The latest scan (status, when, how many) and "Scan now"; polls while the scan runs. */
export const DuplicateScanPanel = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const latest = useQuery(latestScanQueryOptions());
  const scan = latest.data;
  const active = isScanActive(scan);

  // A scan that was running and is no longer: its groups replace the list.
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) void invalidateDuplicateGroups(queryClient);
    wasActive.current = active;
  }, [active, queryClient]);

  const start = useMutation({
    mutationFn: startDuplicateScan,
    onSuccess: (started) => {
      queryClient.setQueryData(latestScanQueryOptions().queryKey, { scan: started });
    },
    onError: (error) => showError(error, message),
  });

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" gap={12} wrap="wrap">
        <Flex vertical gap={4} style={{ minWidth: 0 }} aria-live="polite">
          <Typography.Text strong>{t('duplicateGroups.lastScan')}</Typography.Text>
          {scan ? (
            <Flex gap={8} wrap="wrap" align="center">
              <Tag color={statusColor[scan.status]} style={{ marginInlineEnd: 0 }} data-testid="scan-status">
                {t(`duplicateGroups.status.${scan.status}`)}
              </Tag>
              <Typography.Text type="secondary">
                {formatDateTime(scan.finishedAt ?? scan.createdAt)}
              </Typography.Text>
              <Typography.Text>
                {t('duplicateGroups.scanned', { count: scan.customersScanned })}
              </Typography.Text>
              {scan.status === 'succeeded' ? (
                <Typography.Text>{t('duplicateGroups.found', { count: scan.groupsFound })}</Typography.Text>
              ) : null}
            </Flex>
          ) : (
            <Typography.Text type="secondary">
              {latest.isPending ? t('common.loading') : t('duplicateGroups.neverScanned')}
            </Typography.Text>
          )}
        </Flex>
        <Button
          type="primary"
          icon={<ScanOutlined aria-hidden />}
          loading={active || start.isPending}
          disabled={latest.isPending}
          onClick={() => start.mutate()}
        >
          {active ? t('duplicateGroups.scanning') : t('duplicateGroups.scanNow')}
        </Button>
      </Flex>
      {scan?.status === 'failed' && scan.error ? (
        <Alert type="error" style={{ marginTop: 12 }} title={scan.error} />
      ) : null}
    </Card>
  );
};
