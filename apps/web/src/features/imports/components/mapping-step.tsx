import { EyeOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { DuplicatePolicyName, Import, ImportPreview, ImportSettings } from '@kehu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Radio, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-client';
import { emptyMark } from '../../../components/format';
import { useIsMobile } from '../../../components/use-is-mobile';
import { importKeys, previewImport, startImport } from '../api/imports-api';
import { type TargetGroup, targetGroupOf, useTargetLabel } from './import-targets';
import { PreviewTable } from './preview-table';

/** "Don't import" in the selects (a Select value cannot be null). */
const none = '__none__';
const policies: DuplicatePolicyName[] = ['skip', 'update', 'create'];
const groups: TargetGroup[] = ['customer', 'contact', 'custom'];

interface ColumnRow {
  index: number;
  header: string;
  samples: string[];
}

interface MappingStepProps {
  record: Import;
  /** Tells the page whether the preview is on screen (its steps show "Preview"). */
  onPreviewChange: (shown: boolean) => void;
}

/** Step 2–3: each file column → a field (or nothing), the duplicate policy, a dry run, then start. */
export const MappingStep = ({ record, onPreviewChange }: MappingStepProps) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const targetLabel = useTargetLabel();
  const [mapping, setMapping] = useState<Array<string | null>>(() =>
    record.headers.map((_, index) => record.mapping[index] ?? null),
  );
  const [duplicatePolicy, setDuplicatePolicy] = useState<DuplicatePolicyName>(record.duplicatePolicy);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const settings: ImportSettings = { mapping, duplicatePolicy };

  const showPreview = (next: ImportPreview | null) => {
    setPreview(next);
    onPreviewChange(next !== null);
  };
  const previewMutation = useMutation({
    mutationFn: () => previewImport(record.id, settings),
    onSuccess: showPreview,
  });
  const startMutation = useMutation({
    mutationFn: () => startImport(record.id, settings),
    onSuccess: (started) => {
      queryClient.setQueryData(importKeys.detail(record.id), started);
      void queryClient.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
  const failure = startMutation.error ?? previewMutation.error;
  const fieldErrors = isApiError(failure) ? (failure.fields ?? {}) : {};

  /** Any change makes the shown dry run out of date. */
  const changed = () => {
    showPreview(null);
    previewMutation.reset();
    startMutation.reset();
  };
  const setTarget = (index: number, value: string) => {
    setMapping((current) =>
      current.map((target, i) => (i === index ? (value === none ? null : value) : target)),
    );
    changed();
  };

  const rows: ColumnRow[] = useMemo(
    () =>
      record.headers.map((header, index) => ({
        index,
        header,
        samples: record.sample
          .map((cells) => (cells[index] ?? '').trim())
          .filter(Boolean)
          .slice(0, 3),
      })),
    [record.headers, record.sample],
  );
  const nameColumn = mapping.indexOf('name');

  const optionsFor = (index: number) => {
    const usedElsewhere = new Set(mapping.filter((target, i) => target !== null && i !== index));
    return [
      { value: none, label: t('imports.mapping.skipColumn') },
      ...groups
        .map((group) => ({
          label: t(`imports.mapping.groups.${group}`),
          title: t(`imports.mapping.groups.${group}`),
          options: record.targets
            .filter((target) => targetGroupOf(target.value) === group)
            .map((target) => ({
              value: target.value,
              label: target.required
                ? t('imports.mapping.requiredLabel', { label: targetLabel(target) })
                : targetLabel(target),
              disabled: usedElsewhere.has(target.value),
            })),
        }))
        .filter((group) => group.options.length > 0),
    ];
  };

  const samplesText = (row: ColumnRow) => (row.samples.length > 0 ? row.samples.join(' · ') : emptyMark);
  const columns: TableColumnsType<ColumnRow> = [
    {
      title: t('imports.mapping.column'),
      key: 'header',
      render: (_, row) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {row.header}
          </Typography.Text>
          {isMobile ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
              {samplesText(row)}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    ...(isMobile
      ? []
      : [
          {
            title: t('imports.mapping.sample'),
            key: 'sample',
            render: (_: unknown, row: ColumnRow) => (
              <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                {samplesText(row)}
              </Typography.Text>
            ),
          },
        ]),
    {
      title: t('imports.mapping.target'),
      key: 'target',
      width: isMobile ? '52%' : 260,
      render: (_, row) => {
        const error = fieldErrors[`mapping.${row.index}`];
        return (
          <Flex vertical gap={2}>
            <Select
              aria-label={t('imports.mapping.targetFor', { header: row.header })}
              style={{ width: '100%' }}
              value={mapping[row.index] ?? none}
              options={optionsFor(row.index)}
              onChange={(value: string) => setTarget(row.index, value)}
              status={error ? 'error' : undefined}
              showSearch={{ optionFilterProp: 'label' }}
              popupMatchSelectWidth={false}
            />
            {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
          </Flex>
        );
      },
    },
  ];

  const generalError = failure
    ? isApiError(failure)
      ? (fieldErrors.mapping ??
        (Object.keys(fieldErrors).some((key) => key.startsWith('mapping.')) ? null : failure.message))
      : t('errors.unexpected')
    : null;
  const busy = previewMutation.isPending || startMutation.isPending;

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('imports.mapping.title')}
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {record.fileName}
          </Typography.Text>
        }
      >
        <Typography.Paragraph type="secondary">{t('imports.mapping.help')}</Typography.Paragraph>
        <Table<ColumnRow>
          size="small"
          rowKey="index"
          columns={columns}
          dataSource={rows}
          pagination={false}
          tableLayout="fixed"
          aria-label={t('imports.mapping.title')}
        />
        {nameColumn < 0 ? (
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('imports.mapping.nameMissing')} />
        ) : null}
      </Card>

      <Card size="small" title={<span id="duplicate-policy-title">{t('imports.policy.title')}</span>}>
        <Radio.Group
          aria-labelledby="duplicate-policy-title"
          value={duplicatePolicy}
          onChange={(event) => {
            setDuplicatePolicy(event.target.value as DuplicatePolicyName);
            changed();
          }}
        >
          <Flex vertical gap={8}>
            {policies.map((policy) => (
              <Radio key={policy} value={policy}>
                <span>{t(`imports.policy.${policy}`)}</span>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t(`imports.policy.${policy}Help`)}
                </Typography.Text>
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Card>

      {preview ? (
        <Card size="small" title={t('imports.preview.title')}>
          <Typography.Paragraph type="secondary">
            {t('imports.preview.help', { count: preview.rows.length })}
          </Typography.Paragraph>
          <PreviewTable preview={preview} nameColumn={nameColumn} />
        </Card>
      ) : null}

      {generalError ? <Alert type="error" showIcon title={generalError} /> : null}

      <Flex gap={8} wrap="wrap">
        <Button
          icon={<EyeOutlined aria-hidden />}
          onClick={() => previewMutation.mutate()}
          loading={previewMutation.isPending}
          disabled={busy || nameColumn < 0}
        >
          {t('imports.preview.action')}
        </Button>
        <Button
          type="primary"
          icon={<PlayCircleOutlined aria-hidden />}
          onClick={() => startMutation.mutate()}
          loading={startMutation.isPending}
          disabled={busy || nameColumn < 0}
        >
          {t('imports.start')}
        </Button>
      </Flex>
    </Flex>
  );
};
