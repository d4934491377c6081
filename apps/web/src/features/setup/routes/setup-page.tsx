import { type Locale, setupRequestSchema } from '@kehu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../app/api-client';
import { useApplySession, useChangeLanguage } from '../../../app/auth';
import { parseWithSchema, showFormError, zodRule } from '../../../app/forms';
import { currentLocale, isLocale } from '../../../app/i18n';
import { LanguageSwitch } from '../../../app/language-switch';
import { setupStatusQueryKey } from '../../../app/setup-status';
import { CenteredCard } from '../../../components/centered-card';
import { runSetup } from '../api/setup-api';

interface SetupValues {
  organizationName: string;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
  confirmPassword: string;
  locale: Locale;
}

const fieldNames = ['organizationName', 'adminName', 'adminEmail', 'adminPassword', 'locale'];

/** First run: name the organisation and create the first administrator (who is then signed in). */
export const SetupPage = () => {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SetupValues>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const applySession = useApplySession();
  const changeLanguage = useChangeLanguage();
  const shape = setupRequestSchema.shape;

  // The language switch in the corner and the language field stay the same choice.
  useEffect(() => {
    if (isLocale(i18n.language)) form.setFieldValue('locale', i18n.language);
  }, [i18n.language, form]);

  const mutation = useMutation({
    mutationFn: runSetup,
    onSuccess: async (me) => {
      applySession(me);
      queryClient.setQueryData(setupStatusQueryKey, { needsSetup: false });
      void message.success(t('setup.done'));
      await navigate('/', { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        // Someone finished the setup meanwhile.
        void queryClient.invalidateQueries({ queryKey: setupStatusQueryKey });
      }
      showFormError(error, form, message, fieldNames);
    },
  });

  const onFinish = ({ confirmPassword: _confirm, ...values }: SetupValues) => {
    // The organisation's days start where its first administrator is (changeable in the settings).
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
    const body = parseWithSchema(setupRequestSchema, { ...values, timeZone }, form, message);
    if (body) mutation.mutate(body);
  };

  return (
    <CenteredCard
      title={t('setup.title')}
      subtitle={t('setup.subtitle')}
      corner={<LanguageSwitch />}
      width={520}
    >
      <Alert type="info" showIcon title={t('setup.intro')} style={{ marginBottom: 16 }} />
      <Form<SetupValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ locale: currentLocale() }}
        onValuesChange={(changed: Partial<SetupValues>) => {
          if (changed.locale) void changeLanguage(changed.locale);
        }}
      >
        <Form.Item
          name="organizationName"
          label={t('setup.organizationName')}
          required
          rules={[zodRule(shape.organizationName)]}
        >
          <Input autoComplete="organization" autoFocus />
        </Form.Item>
        <Form.Item name="adminName" label={t('setup.adminName')} required rules={[zodRule(shape.adminName)]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="adminEmail"
          label={t('setup.adminEmail')}
          required
          rules={[zodRule(shape.adminEmail)]}
        >
          <Input autoComplete="email" inputMode="email" />
        </Form.Item>
        <Form.Item
          name="adminPassword"
          label={t('setup.adminPassword')}
          required
          extra={t('auth.passwordHint')}
          rules={[zodRule(shape.adminPassword)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          required
          dependencies={['adminPassword']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                if (!value) throw new Error(t('validation.required'));
                if (value !== getFieldValue('adminPassword'))
                  throw new Error(t('validation.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="locale" label={t('setup.language')} required>
          <Radio.Group
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
          {t('setup.submit')}
        </Button>
      </Form>
    </CenteredCard>
  );
};
