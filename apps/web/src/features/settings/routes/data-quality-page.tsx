import {
  type DataQualitySettings,
  type DuplicateAction,
  type DuplicateMatchKind,
  dataQualitySettingsSchema,
  duplicateActions,
  duplicateMatchKinds,
  type EntryPoint,
  entryPoints,
} from '@kehu/contracts';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Card,
  Col,
  Flex,
  Form,
  InputNumber,
  Row,
  Select,
  Slider,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { parseWithSchema } from '../../../app/forms';
import { useIsMobile } from '../../../components/use-is-mobile';
import {
  dataQualitySettingsQueryOptions,
  settingsKeys,
  updateDataQualitySettings,
} from '../api/settings-api';
import { SettingsFormPage, useSettingsSave } from '../components/settings-form-page';

/** Regions offered for reading national numbers, with their calling codes. */
const phoneRegions: readonly { code: string; callingCode: string }[] = [
  { code: 'CN', callingCode: '86' },
  { code: 'HK', callingCode: '852' },
  { code: 'MO', callingCode: '853' },
  { code: 'TW', callingCode: '886' },
  { code: 'US', callingCode: '1' },
  { code: 'GB', callingCode: '44' },
  { code: 'SG', callingCode: '65' },
  { code: 'JP', callingCode: '81' },
  { code: 'KR', callingCode: '82' },
  { code: 'DE', callingCode: '49' },
  { code: 'FR', callingCode: '33' },
  { code: 'AU', callingCode: '61' },
  { code: 'CA', callingCode: '1' },
];

const actionColor: Record<DuplicateAction, string | undefined> = {
  off: undefined,
  warn: '#d48806',
  block: '#cf1322',
};

const useRegionOptions = (current: string | undefined) => {
  const { i18n } = useTranslation();
  return useMemo(() => {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([i18n.language], { type: 'region' });
    } catch {
      names = undefined;
    }
    const label = (code: string, callingCode?: string) =>
      `${names?.of(code) ?? code} (${callingCode ? `+${callingCode}` : code})`;
    const options = phoneRegions.map((region) => ({
      value: region.code,
      label: label(region.code, region.callingCode),
    }));
    // A region set elsewhere (API, CLI) stays visible and selected.
    if (current && !phoneRegions.some((region) => region.code === current)) {
      options.push({ value: current, label: label(current) });
    }
    return options;
  }, [i18n.language, current]);
};

interface RuleSelectProps {
  entry: EntryPoint;
  kind: DuplicateMatchKind;
  disabled: boolean;
}

const RuleSelect = ({ entry, kind, disabled }: RuleSelectProps) => {
  const { t } = useTranslation();
  return (
    <Form.Item name={['duplicateRules', entry, kind]} noStyle>
      <Select
        disabled={disabled}
        style={{ width: '100%', minWidth: 104 }}
        aria-label={t('settings.dataQuality.ruleLabel', {
          entry: t(`settings.dataQuality.entryPoints.${entry}`),
          kind: t(`settings.dataQuality.matchKinds.${kind}`),
        })}
        options={duplicateActions.map((action) => ({
          value: action,
          label: (
            <span style={{ color: actionColor[action] }}>{t(`settings.dataQuality.actions.${action}`)}</span>
          ),
        }))}
      />
    </Form.Item>
  );
};

/** The 3×3 grid of duplicate rules: a table on wide screens, a card per entry point on phones. */
const DuplicateRulesEditor = ({ disabled }: { disabled: boolean }) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  if (isMobile) {
    return (
      <Flex vertical gap={12}>
        {entryPoints.map((entry) => (
          <Card key={entry} size="small" title={t(`settings.dataQuality.entryPoints.${entry}`)}>
            <Flex vertical gap={8}>
              {duplicateMatchKinds.map((kind) => (
                <Flex key={kind} align="center" justify="space-between" gap={12}>
                  <Typography.Text>{t(`settings.dataQuality.matchKinds.${kind}`)}</Typography.Text>
                  <div style={{ width: 140 }}>
                    <RuleSelect entry={entry} kind={kind} disabled={disabled} />
                  </div>
                </Flex>
              ))}
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  }
  const columns: TableColumnsType<{ entry: EntryPoint }> = [
    {
      key: 'entry',
      title: t('settings.dataQuality.entryPoint'),
      render: (_, row) => t(`settings.dataQuality.entryPoints.${row.entry}`),
    },
    ...duplicateMatchKinds.map((kind) => ({
      key: kind,
      title: t(`settings.dataQuality.matchKinds.${kind}`),
      width: 160,
      render: (_: unknown, row: { entry: EntryPoint }) => (
        <RuleSelect entry={row.entry} kind={kind} disabled={disabled} />
      ),
    })),
  ];
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      rowKey="entry"
      columns={columns}
      dataSource={entryPoints.map((entry) => ({ entry }))}
      scroll={{ x: 'max-content' }}
    />
  );
};

export const DataQualityPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<DataQualitySettings>();
  const settings = useQuery(dataQualitySettingsQueryOptions);
  const canManage = can('settings', 'manage');
  const region = Form.useWatch('phoneRegion', form) ?? settings.data?.phoneRegion;
  const regionOptions = useRegionOptions(region);
  const save = useSettingsSave({
    form,
    queryKey: settingsKeys.dataQuality(),
    save: updateDataQualitySettings,
    savedText: t('settings.dataQuality.saved'),
  });

  const onFinish = (values: DataQualitySettings) => {
    const body = parseWithSchema(dataQualitySettingsSchema, values, form, message);
    if (body) save.mutate(body);
  };

  return (
    <SettingsFormPage<DataQualitySettings>
      title={t('settings.dataQuality.title')}
      intro={t('settings.dataQuality.intro')}
      readOnlyText={t('settings.dataQuality.readOnly')}
      settings={settings}
      form={form}
      onFinish={onFinish}
      canManage={canManage}
      saving={save.isPending}
      maxWidth={880}
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item
              name="phoneRegion"
              label={t('settings.dataQuality.phoneRegion')}
              extra={t('settings.dataQuality.phoneRegionHelp')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={regionOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('settings.dataQuality.nameSimilarityThreshold')}
              extra={t('settings.dataQuality.nameSimilarityHelp')}
              required
            >
              <Flex gap={12} align="center">
                <Form.Item name="nameSimilarityThreshold" noStyle>
                  <Slider
                    min={0.5}
                    max={1}
                    step={0.01}
                    style={{ flex: 1, minWidth: 0 }}
                    aria-label={t('settings.dataQuality.nameSimilarityThreshold')}
                  />
                </Form.Item>
                <Form.Item
                  name="nameSimilarityThreshold"
                  noStyle
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <InputNumber
                    min={0.5}
                    max={1}
                    step={0.01}
                    precision={2}
                    inputMode="decimal"
                    style={{ width: 88 }}
                    aria-label={t('settings.dataQuality.nameSimilarityThreshold')}
                  />
                </Form.Item>
              </Flex>
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('settings.dataQuality.duplicateRules')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">
          {t('settings.dataQuality.duplicateRulesHelp')}
        </Typography.Paragraph>
        <DuplicateRulesEditor disabled={!canManage} />
      </Card>
    </SettingsFormPage>
  );
};
