import { type Locale, type PublicWebForm, webFormHoneypot } from '@kehu/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Form, type FormRule, Input, Spin, Typography } from 'antd';
import { type CSSProperties, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../../app/api-client';
import { applyLocale, currentLocale } from '../../../app/i18n';
import { StatusView } from '../../../components/status-view';
import { publicFormQueryOptions, submitPublicForm } from '../api/web-forms-api';
import { type PublicField, publicFieldInput, publicFieldValue } from '../components/public-form-input';

const page: CSSProperties = {
  minHeight: '100vh',
  background: '#f5f7fa',
  padding: '16px 12px 32px',
  boxSizing: 'border-box',
};
const sheet: CSSProperties = {
  maxWidth: 560,
  margin: '0 auto',
  background: '#fff',
  borderRadius: 8,
  padding: '20px 16px',
  boxShadow: '0 1px 3px rgba(0,0,0,0.08)',
};
/** Out of sight and out of the tab order: only bots fill it in. */
const honeypot: CSSProperties = {
  position: 'absolute',
  left: -10_000,
  top: 'auto',
  width: 1,
  height: 1,
  overflow: 'hidden',
};

/** The page in the form's own language while it is open; the visitor's saved choice is left alone. */
const useFormLocale = (locale: Locale | undefined): boolean => {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!locale) return;
    const previous = currentLocale();
    let cancelled = false;
    void applyLocale(locale).then(() => {
      if (!cancelled) setReady(true);
    });
    return () => {
      cancelled = true;
      if (previous !== locale) void applyLocale(previous);
    };
  }, [locale]);
  return ready;
};

const PublicForm = ({ formKey, form: definition }: { formKey: string; form: PublicWebForm }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [problem, setProblem] = useState<string | undefined>();
  const submit = useMutation({
    mutationFn: (body: { values: Record<string, unknown>; website_url: string }) =>
      submitPublicForm(formKey, body),
    onError: (error) => {
      if (isApiError(error) && error.fields && Object.keys(error.fields).length > 0) {
        const known = new Set(definition.fields.map((field) => field.name));
        form.setFields(
          Object.entries(error.fields)
            .filter(([name]) => known.has(name))
            .map(([name, text]) => ({ name: [name], errors: [text] })),
        );
        const elsewhere = Object.entries(error.fields).filter(([name]) => !known.has(name));
        setProblem(elsewhere.length > 0 ? elsewhere.map(([, text]) => text).join(' ') : undefined);
        return;
      }
      if (isApiError(error) && error.status === 429) setProblem(t('webForms.public.tooMany'));
      else setProblem(error instanceof Error && error.message ? error.message : t('errors.unexpected'));
    },
  });

  const onFinish = (raw: Record<string, unknown>) => {
    setProblem(undefined);
    const values: Record<string, unknown> = {};
    for (const field of definition.fields) {
      const value = publicFieldValue(field, raw[field.name]);
      if (value !== undefined) values[field.name] = value;
    }
    submit.mutate({ values, website_url: String(raw[webFormHoneypot] ?? '') });
  };

  if (submit.isSuccess) {
    return (
      <StatusView status="info" title={t('webForms.public.thanks')} description={submit.data.thankYou} />
    );
  }

  const rulesOf = (field: PublicField): FormRule[] =>
    field.required
      ? [
          field.type === 'multiSelect' || field.type === 'boolean' || field.type === 'select'
            ? { required: true, message: t('validation.required') }
            : { required: true, whitespace: true, message: t('validation.required') },
        ]
      : [];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {definition.title}
      </Typography.Title>
      {definition.description ? (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {definition.description}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark scrollToFirstError>
        {definition.fields.map((field) => (
          <Form.Item
            key={field.name}
            name={[field.name]}
            label={field.label}
            rules={rulesOf(field)}
            valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
          >
            {publicFieldInput(field)}
          </Form.Item>
        ))}
        <div style={honeypot} aria-hidden="true">
          <Form.Item name={[webFormHoneypot]} noStyle>
            <Input tabIndex={-1} autoComplete="off" aria-label="website_url" />
          </Form.Item>
        </div>
        {problem ? (
          <Typography.Paragraph type="danger" role="alert">
            {problem}
          </Typography.Paragraph>
        ) : null}
        <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
          {t('webForms.public.submit')}
        </Button>
      </Form>
    </>
  );
};

/** /f/:key — a public form anyone may fill in, also inside an iframe on another site. */
export const PublicFormPage = () => {
  const { t } = useTranslation();
  const { key = '' } = useParams();
  const form = useQuery(publicFormQueryOptions(key));
  const ready = useFormLocale(form.data?.locale);
  useEffect(() => {
    if (form.data) document.title = form.data.title;
  }, [form.data]);

  let body: ReactNode;
  if (form.isError) {
    body =
      isApiError(form.error) && (form.error.status === 404 || form.error.status === 400) ? (
        <StatusView
          status="not-found"
          title={t('webForms.public.notFound')}
          description={t('webForms.public.notFoundHint')}
        />
      ) : (
        <StatusView
          status="error"
          title={t('webForms.public.loadFailed')}
          extra={<Button onClick={() => void form.refetch()}>{t('common.retry')}</Button>}
        />
      );
  } else if (form.isPending || !ready) {
    body = (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  } else {
    body = <PublicForm formKey={key} form={form.data} />;
  }
  return (
    <main style={page}>
      <div style={sheet}>{body}</div>
    </main>
  );
};
