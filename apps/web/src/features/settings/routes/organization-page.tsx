import {
  type Locale,
  locales,
  type OrganizationSettings,
  updateOrganizationSettingsSchema,
} from '@kehu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { meQueryKey, useCan } from '../../../app/auth';
import { parseWithSchema } from '../../../app/forms';
import { organizationSettingsQueryOptions, updateOrganizationSettings } from '../api/settings-api';
import { SettingsFormPage, useSettingsSave } from '../components/settings-form-page';
import { nowIn, timeZoneOptions } from '../components/time-zone-options';

const localeNames: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

/** The organisation's name, the language of users who chose none, and where its days start. */
export const OrganizationPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrganizationSettings>();
  const settings = useQuery(organizationSettingsQueryOptions);
  const zone = Form.useWatch('timeZone', form) ?? settings.data?.timeZone;
  const zoneOptions = useMemo(() => timeZoneOptions(zone), [zone]);
  const save = useSettingsSave({
    form,
    queryKey: organizationSettingsQueryOptions.queryKey,
    save: updateOrganizationSettings,
    savedText: t('settings.organization.saved'),
    // The header shows the organisation's name.
    onSaved: () => void queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });

  const onFinish = (values: OrganizationSettings) => {
    const body = parseWithSchema(updateOrganizationSettingsSchema, values, form, message);
    if (body) save.mutate(body);
  };

  return (
    <SettingsFormPage<OrganizationSettings>
      title={t('settings.organization.title')}
      intro={t('settings.organization.intro')}
      readOnlyText={t('settings.organization.readOnly')}
      settings={settings}
      form={form}
      onFinish={onFinish}
      canManage={can('settings', 'manage')}
      saving={save.isPending}
      maxWidth={640}
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form.Item
          name="name"
          label={t('settings.organization.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="defaultLocale"
          label={t('settings.organization.defaultLocale')}
          extra={t('settings.organization.defaultLocaleHelp')}
        >
          <Select options={locales.map((locale) => ({ value: locale, label: localeNames[locale] }))} />
        </Form.Item>
        <Form.Item
          name="timeZone"
          label={t('settings.organization.timeZone')}
          extra={
            <>
              {t('settings.organization.timeZoneHelp')}
              {zone ? (
                <div data-testid="time-zone-now">
                  {t('settings.organization.timeZoneNow', { time: nowIn(zone) })}
                </div>
              ) : null}
            </>
          }
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={zoneOptions} />
        </Form.Item>
      </Card>
    </SettingsFormPage>
  );
};
