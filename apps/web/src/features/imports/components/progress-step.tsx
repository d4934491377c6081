import { DownloadOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import type { Import } from '@kehu/contracts';
import { Alert, Button, Card, Col, Flex, Progress, Row, Statistic, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { failedRowsUrl, isImportActive } from '../api/imports-api';
import { importPace, roughDuration } from './import-pace';
import { ImportStatusTag } from './import-status-tag';

const countKeys = ['created', 'updated', 'skipped', 'failed'] as const;
const leftUnit = { seconds: 'Seconds', minutes: 'Minutes', hours: 'Hours' } as const;
const countColors: Record<(typeof countKeys)[number], string | undefined> = {
  created: '#389e0d',
  updated: '#1677ff',
  skipped: undefined,
  failed: '#cf1322',
};

/** Step 4: the running import (polled by the page) and, at the end, its counts and failed rows. */
export const ProgressStep = ({ record }: { record: Import }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  /** A real link (open in a new tab works), followed inside the app on a plain click. */
  const followInApp = (to: string) => (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(to);
  };
  const active = isImportActive(record.status);
  // Re-rendered by the page's once-a-second poll while the import runs.
  const pace = record.status === 'running' ? importPace(record, new Date()) : null;
  const left = pace?.secondsLeft != null ? roughDuration(pace.secondsLeft) : null;
  const finished = record.status === 'succeeded' || record.status === 'failed';
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={
          <Flex gap={8} align="center" wrap="wrap">
            <span id="import-progress-title">{t('imports.progress.title')}</span>
            <ImportStatusTag status={record.status} />
          </Flex>
        }
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
            {record.fileName}
          </Typography.Text>
        }
      >
        <Progress
          aria-labelledby="import-progress-title"
          percent={record.progress.percent}
          status={record.status === 'failed' ? 'exception' : active ? 'active' : undefined}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} aria-live="polite">
          {record.status === 'queued'
            ? t('imports.progress.queued')
            : t('imports.progress.rowsDone', { count: record.progress.rowsDone })}
          {pace ? (
            <span data-testid="import-pace">
              {' · '}
              {t('imports.progress.pace', {
                rate: Math.round(pace.rowsPerSecond),
              })}
              {left ? ` · ${t(`imports.progress.left${leftUnit[left.unit]}`, { count: left.count })}` : ''}
            </span>
          ) : null}
        </Typography.Paragraph>
        <Row gutter={[16, 16]}>
          {countKeys.map((key) => (
            <Col key={key} xs={12} sm={6}>
              <section aria-label={t(`imports.outcome.${key}`)}>
                <Statistic
                  title={t(`imports.outcome.${key}`)}
                  value={record.counts[key]}
                  styles={{ content: { color: countColors[key] } }}
                />
              </section>
            </Col>
          ))}
        </Row>
        {record.status === 'failed' ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={t('imports.progress.failed')}
            description={record.error ?? undefined}
          />
        ) : null}
        {record.status === 'succeeded' ? (
          <Alert
            type={record.counts.failed > 0 ? 'warning' : 'success'}
            showIcon
            style={{ marginTop: 16 }}
            title={t('imports.progress.done')}
            description={record.counts.failed > 0 ? t('imports.progress.someFailed') : undefined}
          />
        ) : null}
      </Card>
      {finished ? (
        <Flex gap={8} wrap="wrap">
          {record.hasFailedRows ? (
            <Button icon={<DownloadOutlined aria-hidden />} href={failedRowsUrl(record.id)} download>
              {t('imports.progress.downloadFailed')}
            </Button>
          ) : null}
          <Button
            type="primary"
            icon={<UnorderedListOutlined aria-hidden />}
            href="/customers"
            onClick={followInApp('/customers')}
          >
            {t('imports.progress.backToCustomers')}
          </Button>
          <Button
            icon={<UploadOutlined aria-hidden />}
            href="/customers/import"
            onClick={followInApp('/customers/import')}
          >
            {t('imports.progress.another')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
};
