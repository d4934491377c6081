import { type QueryKey, type UseQueryResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, type FormInstance, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { showFormError } from '../../../app/forms';
import { ErrorResult } from '../../../components/error-result';
import { PageHeader } from '../../../components/page-header';

/**
 * Saving a settings form: the answer replaces the cached settings and the form's values, and a
 * refusal is shown on the fields it names.
 */
export const useSettingsSave = <T, Body>(options: {
  form: FormInstance<T>;
  queryKey: QueryKey;
  save: (body: Body) => Promise<T>;
  savedText: string;
  onSaved?: () => void;
}) => {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: options.save,
    onSuccess: (saved) => {
      queryClient.setQueryData(options.queryKey, saved);
      options.form.setFieldsValue(saved as Parameters<FormInstance<T>['setFieldsValue']>[0]);
      options.onSaved?.();
      void message.success(options.savedText);
    },
    onError: (error) => showFormError(error, options.form, message),
  });
};

interface SettingsFormPageProps<T> {
  title: string;
  intro: string;
  readOnlyText: string;
  settings: UseQueryResult<T>;
  form: FormInstance<T>;
  onFinish: (values: T) => void;
  canManage: boolean;
  saving: boolean;
  maxWidth: number;
  children: ReactNode;
}

/** An administrator's settings page: what it sets, the form (read-only without the right), Save. */
export const SettingsFormPage = <T extends object>({
  title,
  intro,
  readOnlyText,
  settings,
  form,
  onFinish,
  canManage,
  saving,
  maxWidth,
  children,
}: SettingsFormPageProps<T>) => {
  const { t } = useTranslation();
  if (settings.isPending) return <Spin />;
  if (settings.isError) {
    return <ErrorResult error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  return (
    <div style={{ maxWidth }}>
      <PageHeader title={title}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {intro}
        </Typography.Paragraph>
      </PageHeader>
      {canManage ? null : <Alert type="info" showIcon title={readOnlyText} style={{ marginBottom: 16 }} />}
      <Form<T>
        form={form}
        layout="vertical"
        initialValues={settings.data}
        onFinish={onFinish}
        disabled={!canManage}
      >
        {children}
      </Form>
      <Flex justify="flex-end">
        <Button type="primary" loading={saving} disabled={!canManage} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      </Flex>
    </div>
  );
};
