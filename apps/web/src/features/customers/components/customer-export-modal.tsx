import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { exportDownloadUrl, exportQueryOptions } from '../api/pool-moves-api';

/** An export's progress (rows written), then its download link. */
export const CustomerExportModal = ({ exportId, onClose }: { exportId: string; onClose: () => void }) => {
  const { t } = useTranslation();
  const job = useQuery(exportQueryOptions(exportId));
  const status = job.data?.status ?? 'queued';
  const done = status === 'succeeded';
  return (
    <Modal
      open
      title={t('exports.title')}
      onCancel={onClose}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('exports.close')}</Button>
          {done ? (
            <Button type="primary" icon={<DownloadOutlined aria-hidden />} href={exportDownloadUrl(exportId)}>
              {t('exports.download')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      {job.isError ? (
        <Alert type="error" title={job.error.message} />
      ) : status === 'failed' ? (
        <Alert type="error" title={t('exports.failed')} description={job.data?.error ?? undefined} />
      ) : (
        <Flex vertical gap={8} role="status">
          <Flex gap={8} align="center">
            {done || status === 'expired' ? null : <Spin size="small" />}
            <Typography.Text>{t(`exports.status.${status}`)}</Typography.Text>
          </Flex>
          <Typography.Text type="secondary">
            {t('exports.rows', { count: job.data?.rowsDone ?? 0 })}
          </Typography.Text>
        </Flex>
      )}
    </Modal>
  );
};
