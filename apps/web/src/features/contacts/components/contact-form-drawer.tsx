import {
  type Contact,
  type CustomField,
  contactEditableFields,
  createContactSchema,
  updateContactSchema,
} from '@kehu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Col, DatePicker, Divider, Drawer, Flex, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { zodRule } from '../../../app/forms';
import { formText, useRecordSave } from '../../../app/record-save';
import { CustomFieldInputs } from '../../../components/custom-fields/custom-field-inputs';
import {
  type CustomFormValues,
  customValuesForCreate,
  customValuesForUpdate,
} from '../../../components/custom-fields/custom-field-values';
import { customFieldsQueryOptions } from '../../../components/custom-fields/custom-fields-query';
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
  custom?: CustomFormValues;
}

/** What this form shows: the editable fields. */
const formFields = contactEditableFields;

const toPayload = (values: ContactFormValues) => ({
  customerId: values.customerId,
  name: values.name?.trim() ?? '',
  title: formText(values.title),
  mobile: formText(values.mobile),
  phone: formText(values.phone),
  email: formText(values.email),
  wechat: formText(values.wechat),
  birthday: values.birthday ? values.birthday.format('YYYY-MM-DD') : null,
  notes: formText(values.notes),
  isPrimary: values.isPrimary ?? false,
});

/** The custom values to send: all given ones on create, only the changed keys on edit. */
const customPayload = (
  fields: readonly CustomField[] | undefined,
  values: CustomFormValues | undefined,
  contact: Contact | undefined,
) => {
  if (!fields) return undefined;
  return contact
    ? customValuesForUpdate(fields, values, contact.custom)
    : customValuesForCreate(fields, values);
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
  const customFields = useQuery(customFieldsQueryOptions('contact'));

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

  const { submit, pending } = useRecordSave({
    record: contact,
    form,
    fields: formFields,
    createSchema: createContactSchema,
    updateSchema: updateContactSchema,
    create: createContact,
    update: updateContact,
    onSaved: saved,
    onStale: (stale) => {
      void queryClient.invalidateQueries({ queryKey: contactKeys.detail(stale.id) });
      void queryClient.invalidateQueries({ queryKey: contactKeys.byCustomer(stale.customerId) });
    },
    onClose,
  });
  const onFinish = (values: ContactFormValues) =>
    submit({ ...toPayload(values), custom: customPayload(customFields.data, values.custom, contact) });

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
          <Button type="primary" loading={pending} onClick={() => form.submit()}>
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
        {customFields.data && customFields.data.length > 0 ? (
          <>
            <Divider titlePlacement="start" style={{ marginTop: 0 }}>
              {t('customFields.sectionTitle')}
            </Divider>
            <Row gutter={16}>
              <CustomFieldInputs fields={customFields.data} values={contact?.custom} />
            </Row>
          </>
        ) : null}
      </Form>
    </Drawer>
  );
};
