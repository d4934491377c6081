import { createWebFormSchema, type Locale, type WebForm } from '@kehu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Radio, Select, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { parseWithSchema, showFormError } from '../../../app/forms';
import { customFieldsQueryOptions } from '../../../components/custom-fields/custom-fields-query';
import { RemoteSelect } from '../../../components/remote-select';
import {
  createWebForm,
  poolOptionsQueryOptions,
  searchUsers,
  updateWebForm,
  webFormKeys,
} from '../api/web-forms-api';
import { targetOptions } from './target-labels';
import { type FieldRow, WebFormFieldsEditor } from './web-form-fields-editor';

interface BuilderValues {
  name: string;
  title: string;
  description?: string;
  thankYou: string;
  locale: Locale;
  receiverKind: 'user' | 'pool';
  receiverUserId?: string;
  receiverPoolId?: string;
  fields: FieldRow[];
  active: boolean;
}

const formItemNames = [
  'name',
  'title',
  'description',
  'thankYou',
  'locale',
  'receiverUserId',
  'receiverPoolId',
];

const initialValues = (form: WebForm | undefined, locale: Locale, thankYou: string): BuilderValues =>
  form
    ? {
        name: form.name,
        title: form.title,
        description: form.description ?? '',
        thankYou: form.thankYou,
        locale: form.locale,
        receiverKind: form.receiverPoolId ? 'pool' : 'user',
        receiverUserId: form.receiverUserId ?? undefined,
        receiverPoolId: form.receiverPoolId ?? undefined,
        fields: form.fields,
        active: form.active,
      }
    : {
        name: '',
        title: '',
        description: '',
        thankYou,
        locale,
        receiverKind: 'user',
        fields: [{ target: 'name', label: '', required: true }],
        active: true,
      };

interface WebFormBuilderProps {
  form?: WebForm;
  canManage: boolean;
  onSaved: (form: WebForm) => void;
}

/** Builds or changes a web form: texts, language, who receives the leads and the fields. */
export const WebFormBuilder = ({ form: existing, canManage, onSaved }: WebFormBuilderProps) => {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<BuilderValues>();
  const receiverKind = Form.useWatch('receiverKind', form) ?? (existing?.receiverPoolId ? 'pool' : 'user');
  const customFields = useQuery(customFieldsQueryOptions('customer'));
  const pools = useQuery({
    ...poolOptionsQueryOptions,
    enabled: receiverKind === 'pool' || Boolean(existing?.receiverPoolId),
  });
  const options = useMemo(() => targetOptions(t, customFields.data ?? []), [t, customFields.data]);
  const requiredTargets = useMemo(
    () => (customFields.data ?? []).filter((field) => field.required).map((field) => `custom.${field.key}`),
    [customFields.data],
  );
  const uiLocale: Locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  const save = useMutation({
    mutationFn: (body: z.output<typeof createWebFormSchema>) =>
      existing ? updateWebForm(existing.id, body) : createWebForm(body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: webFormKeys.list() });
      void message.success(t('webForms.saved'));
      onSaved(saved);
    },
    onError: (error) => showFormError(error, form, message, formItemNames),
  });

  const submit = (values: BuilderValues) => {
    const fields = (values.fields ?? []).map((row) => ({
      target: row.target,
      label: row.label?.trim() ?? '',
      required: Boolean(row.required),
    }));
    if (!fields.some((row) => row.target === 'name' || row.target === 'contactName')) {
      void message.error(t('webForms.needsName'));
      return;
    }
    const body = parseWithSchema(
      createWebFormSchema,
      {
        name: values.name,
        title: values.title,
        description: values.description?.trim() ? values.description.trim() : null,
        thankYou: values.thankYou,
        locale: values.locale,
        receiverUserId: values.receiverKind === 'user' ? (values.receiverUserId ?? null) : null,
        receiverPoolId: values.receiverKind === 'pool' ? (values.receiverPoolId ?? null) : null,
        fields,
        active: values.active,
      },
      form,
      message,
    );
    if (body) save.mutate(body);
  };

  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Form<BuilderValues>
      form={form}
      layout="vertical"
      initialValues={initialValues(existing, uiLocale, t('webForms.defaultThankYou'))}
      onFinish={submit}
      disabled={!canManage}
    >
      <Form.Item
        name="name"
        label={t('webForms.fields.name')}
        rules={required}
        extra={t('webForms.nameHint')}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="title" label={t('webForms.fields.title')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('webForms.fields.description')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="thankYou" label={t('webForms.fields.thankYou')} rules={required}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="locale" label={t('webForms.fields.locale')}>
        <Select
          options={[
            { value: 'zh-CN', label: '简体中文' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Form.Item>
      <Form.Item name="receiverKind" label={t('webForms.fields.receiver')}>
        <Radio.Group
          options={[
            { value: 'user', label: t('webForms.receiverUser') },
            { value: 'pool', label: t('webForms.receiverPool') },
          ]}
        />
      </Form.Item>
      {receiverKind === 'pool' ? (
        <Form.Item
          name="receiverPoolId"
          label={t('webForms.fields.pool')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select options={pools.data ?? []} loading={pools.isPending} />
        </Form.Item>
      ) : (
        <Form.Item
          name="receiverUserId"
          label={t('webForms.fields.user')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <RemoteSelect
            queryKey={webFormKeys.userLookup}
            search={searchUsers}
            knownOptions={
              existing?.receiverUserId
                ? [
                    {
                      value: existing.receiverUserId,
                      label: existing.receiverUserName ?? existing.receiverUserId,
                    },
                  ]
                : undefined
            }
            placeholder={t('webForms.userPlaceholder')}
          />
        </Form.Item>
      )}
      <Form.Item label={t('webForms.fields.fields')} required>
        <WebFormFieldsEditor options={options} requiredTargets={requiredTargets} disabled={!canManage} />
      </Form.Item>
      <Form.Item name="active" label={t('webForms.fields.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {canManage ? (
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {existing ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      ) : null}
    </Form>
  );
};
