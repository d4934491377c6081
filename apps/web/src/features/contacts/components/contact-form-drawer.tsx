import {
  type Contact,
  contactEditableFields,
  createContactSchema,
  updateContactSchema,
} from '@kehu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Col, DatePicker, Drawer, Flex, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-client';
import { parseWithSchema, showFormError, zodRule } from '../../../app/forms';
import { RemoteSelect } from '../../../components/remote-select';
import { useIsMobile } from '../../../components/use-is-mobile';
import {
  contactKeys,
  createContact,
  customerLookupKey,
  searchCustomers,
  updateContact,
} from '../api/contacts-api';

interface ContactFormValues {
  customerId?: string;
  name?: string;
  title?: string | null;
  mobile?: string | null;
  phone?: string | null;
  email?: string | null;
  wechat?: string | null;
  birthday?: Dayjs | null;
  notes?: string | null;
  isPrimary?: boolean;
}

/** What this form shows: the editable fields. */
const formFields = contactEditableFields;

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

const toPayload = (values: ContactFormValues) => ({
  customerId: values.customerId,
  name: values.name?.trim() ?? '',
  title: text(values.title),
  mobile: text(values.mobile),
  phone: text(values.phone),
  email: text(values.email),
  wechat: text(values.wechat),
  birthday: values.birthday ? values.birthday.format('YYYY-MM-DD') : null,
  notes: text(values.notes),
  isPrimary: values.isPrimary ?? false,
});

const changedFields = (payload: ReturnType<typeof toPayload>, contact: Contact): Record<string, unknown> => {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(contact[key as keyof Contact] ?? null)) changes[key] = value;
  }
  return changes;
};

interface ContactFormDrawerProps {
  open: boolean;
  /** Set: edit this contact; unset: create one. */
  contact?: Contact;
  /** Creating from a customer's page: the customer is fixed. */
  customer?: { id: string; name: string };
  onClose: () => void;
  onSaved?: (contact: Contact) => void;
}

export const ContactFormDrawer = ({ open, contact, customer, onClose, onSaved }: ContactFormDrawerProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ContactFormValues>();
  const shape = createContactSchema.shape;

  const saved = (result: Contact) => {
    queryClient.setQueryData(contactKeys.detail(result.id), result);
    void queryClient.invalidateQueries({ queryKey: contactKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: contactKeys.byCustomer(result.customerId) });
    if (contact && contact.customerId !== result.customerId) {
      void queryClient.invalidateQueries({ queryKey: contactKeys.byCustomer(contact.customerId) });
    }
    void queryClient.invalidateQueries({ queryKey: contactKeys.history(result.id) });
    void message.success(contact ? t('contacts.updated') : t('contacts.created'));
    onSaved?.(result);
    onClose();
  };

  const failed = (error: unknown) => {
    if (contact && isApiError(error) && error.code === 'STALE_RECORD') {
      void message.warning(t('common.staleRecord'), 6);
      void queryClient.invalidateQueries({ queryKey: contactKeys.detail(contact.id) });
      void queryClient.invalidateQueries({ queryKey: contactKeys.byCustomer(contact.customerId) });
      onClose();
      return;
    }
    showFormError(error, form, message, formFields);
  };

  const create = useMutation({ mutationFn: createContact, onSuccess: saved, onError: failed });
  const update = useMutation({
    mutationFn: (body: Parameters<typeof updateContact>[1]) => {
      if (!contact) throw new Error('update without a contact');
      return updateContact(contact.id, body);
    },
    onSuccess: saved,
    onError: failed,
  });

  const onFinish = (values: ContactFormValues) => {
    const payload = toPayload(values);
    if (contact) {
      const changes = changedFields(payload, contact);
      if (Object.keys(changes).length === 0) {
        onClose();
        return;
      }
      const body = parseWithSchema(
        updateContactSchema,
        { ...changes, version: contact.version },
        form,
        message,
      );
      if (body) update.mutate(body);
    } else {
      const body = parseWithSchema(createContactSchema, payload, form, message);
      if (body) create.mutate(body);
    }
  };

  const initialValues: ContactFormValues = contact
    ? {
        customerId: contact.customerId,
        name: contact.name,
        title: contact.title,
        mobile: contact.mobile,
        phone: contact.phone,
        email: contact.email,
        wechat: contact.wechat,
        birthday: contact.birthday ? dayjs(contact.birthday) : null,
        notes: contact.notes,
        isPrimary: contact.isPrimary,
      }
    : { customerId: customer?.id, isPrimary: false };
  const knownCustomers = [
    ...(customer ? [{ value: customer.id, label: customer.name }] : []),
    ...(contact ? [{ value: contact.customerId, label: contact.customerName }] : []),
  ];
  const half = { xs: 24, md: 12 };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={contact ? t('contacts.editTitle', { name: contact.name }) : t('contacts.newTitle')}
      size={isMobile ? '100%' : 640}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            {contact ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <Form<ContactFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item
              name="customerId"
              label={t('contacts.fields.customer')}
              required
              rules={[zodRule(shape.customerId)]}
            >
              <RemoteSelect
                queryKey={customerLookupKey}
                search={searchCustomers}
                knownOptions={knownCustomers}
                disabled={Boolean(customer)}
                placeholder={t('contacts.customerPlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="name" label={t('contacts.fields.name')} required rules={[zodRule(shape.name)]}>
              <Input autoFocus autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="title" label={t('contacts.fields.title')} rules={[zodRule(shape.title)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="mobile" label={t('contacts.fields.mobile')} rules={[zodRule(shape.mobile)]}>
              <Input inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phone" label={t('contacts.fields.phone')} rules={[zodRule(shape.phone)]}>
              <Input inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="email" label={t('contacts.fields.email')} rules={[zodRule(shape.email)]}>
              <Input inputMode="email" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="wechat" label={t('contacts.fields.wechat')} rules={[zodRule(shape.wechat)]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="birthday" label={t('contacts.fields.birthday')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="isPrimary" valuePropName="checked" label={t('contacts.fields.isPrimary')}>
              <Checkbox>{t('contacts.primaryHint')}</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="notes" label={t('contacts.fields.notes')} rules={[zodRule(shape.notes)]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
};
