import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Customer,
  type CustomerKind,
  type CustomerLevel,
  type CustomerType,
  type CustomField,
  createCustomerSchema,
  customerEditableFields,
  customerKinds,
  customerLevels,
  customerTypes,
  phoneSchema,
  updateCustomerSchema,
} from '@kehu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Divider, Drawer, Flex, Form, Input, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../../../app/auth';
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
import { createCustomer, customerKeys, updateCustomer } from '../api/customers-api';
import { type DuplicateRefusal, duplicateRefusal } from '../api/duplicates-api';
import { ownerLookupKey, searchOwners } from '../api/lookups-api';
import { useDuplicateCheck } from '../hooks/use-duplicate-check';
import { DuplicateHint, DuplicateSaveModal } from './duplicate-matches';

interface CustomerFormValues {
  kind: CustomerKind;
  name?: string;
  type: CustomerType;
  level?: CustomerLevel | null;
  industry?: string | null;
  source?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  address?: string | null;
  phones?: (string | undefined)[];
  email?: string | null;
  website?: string | null;
  tags?: string[];
  notes?: string | null;
  ownerId?: string;
  custom?: CustomFormValues;
}

/** What this form shows: the editable fields (the department follows the owner). */
const formFields = customerEditableFields.filter((field) => field !== 'departmentId');

/** "example.com" → "https://example.com": people rarely type the scheme. */
const withScheme = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed && !/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? `https://${trimmed}` : trimmed;
};

const toPayload = (values: CustomerFormValues) => {
  const website = formText(values.website);
  return {
    kind: values.kind,
    name: values.name?.trim() ?? '',
    type: values.type,
    level: values.level ?? null,
    industry: formText(values.industry),
    source: formText(values.source),
    province: formText(values.province),
    city: formText(values.city),
    district: formText(values.district),
    address: formText(values.address),
    phones: (values.phones ?? []).map((phone) => phone?.trim() ?? '').filter((phone) => phone !== ''),
    email: formText(values.email),
    website: website ? (withScheme(website) as string) : null,
    tags: values.tags ?? [],
    notes: formText(values.notes),
    ownerId: values.ownerId,
  };
};

/** The custom values to send: all given ones on create, only the changed keys on edit. */
const customPayload = (
  fields: readonly CustomField[] | undefined,
  values: CustomFormValues | undefined,
  customer: Customer | undefined,
) => {
  if (!fields) return undefined;
  return customer
    ? customValuesForUpdate(fields, values, customer.custom)
    : customValuesForCreate(fields, values);
};

const toFormValues = (customer: Customer): CustomerFormValues => ({
  kind: customer.kind,
  name: customer.name,
  type: customer.type,
  level: customer.level,
  industry: customer.industry,
  source: customer.source,
  province: customer.province,
  city: customer.city,
  district: customer.district,
  address: customer.address,
  phones: customer.phones.length > 0 ? customer.phones : [''],
  email: customer.email,
  website: customer.website,
  tags: customer.tags,
  notes: customer.notes,
  ownerId: customer.ownerId ?? undefined,
});

interface CustomerFormDrawerProps {
  open: boolean;
  /** Set: edit this customer (PATCH with its version); unset: create one. */
  customer?: Customer;
  onClose: () => void;
  onSaved?: (customer: Customer) => void;
}

export const CustomerFormDrawer = ({ open, customer, onClose, onSaved }: CustomerFormDrawerProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  // Another owner is a handover (移交): without that permission a record can only be one's own.
  const mayChooseOwner = useCan()('customers', 'transfer');
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CustomerFormValues>();
  const shape = createCustomerSchema.shape;
  const customFields = useQuery(customFieldsQueryOptions('customer'));
  const [refusal, setRefusal] = useState<DuplicateRefusal>();
  const watchedName = Form.useWatch('name', form);
  const watchedPhones = Form.useWatch('phones', form);
  const watchedEmail = Form.useWatch('email', form);
  const duplicates = useDuplicateCheck(
    { name: watchedName, phones: watchedPhones, email: watchedEmail, excludeId: customer?.id },
    open,
  );

  const saved = (result: Customer) => {
    queryClient.setQueryData(customerKeys.detail(result.id), result);
    void queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: customerKeys.history(result.id) });
    void message.success(customer ? t('customers.updated') : t('customers.created'));
    onSaved?.(result);
    onClose();
  };

  const { submit, resend, pending } = useRecordSave({
    record: customer,
    form,
    fields: formFields,
    createSchema: createCustomerSchema,
    updateSchema: updateCustomerSchema,
    create: createCustomer,
    update: updateCustomer,
    onSaved: saved,
    onStale: (stale) => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.detail(stale.id) });
      void queryClient.invalidateQueries({ queryKey: customerKeys.history(stale.id) });
    },
    onClose,
    // 409 DUPLICATE_WARNING / DUPLICATE_BLOCKED: show the matches (and, for a warning, "save anyway").
    onSaveError: (error) => {
      const duplicate = duplicateRefusal(error);
      if (!duplicate) return false;
      setRefusal(duplicate);
      return true;
    },
  });
  const saveAnyway = () => {
    setRefusal(undefined);
    resend({ acknowledgeDuplicates: true });
  };
  const onFinish = (values: CustomerFormValues) =>
    submit({ ...toPayload(values), custom: customPayload(customFields.data, values.custom, customer) });

  const knownOwners = [{ value: user.id, label: user.name }];
  if (customer?.ownerId && customer.ownerName && customer.ownerId !== user.id) {
    knownOwners.push({ value: customer.ownerId, label: customer.ownerName });
  }
  const initialValues: CustomerFormValues = customer
    ? toFormValues(customer)
    : { kind: 'company', type: 'intent', phones: [''], tags: [], ownerId: user.id };
  const half = { xs: 24, md: 12 };
  const third = { xs: 24, md: 8 };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={customer ? t('customers.editTitle', { name: customer.name }) : t('customers.newTitle')}
      size={isMobile ? '100%' : 760}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()}>
            {customer ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <Form<CustomerFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        scrollToFirstError
      >
        <DuplicateHint result={duplicates} />
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="kind" label={t('customers.fields.kind')} required>
              <Radio.Group
                optionType="button"
                options={customerKinds.map((kind) => ({ value: kind, label: t(`customers.kinds.${kind}`) }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="name" label={t('customers.fields.name')} required rules={[zodRule(shape.name)]}>
              <Input autoFocus maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="type" label={t('customers.fields.type')} required>
              <Select
                options={customerTypes.map((type) => ({ value: type, label: t(`customers.types.${type}`) }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="level" label={t('customers.fields.level')}>
              <Select
                allowClear
                placeholder={t('common.none')}
                options={customerLevels.map((level) => ({ value: level, label: level }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="industry"
              label={t('customers.fields.industry')}
              rules={[zodRule(shape.industry)]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="source" label={t('customers.fields.source')} rules={[zodRule(shape.source)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item
              name="province"
              label={t('customers.fields.province')}
              rules={[zodRule(shape.province)]}
            >
              <Input autoComplete="address-level1" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="city" label={t('customers.fields.city')} rules={[zodRule(shape.city)]}>
              <Input autoComplete="address-level2" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item
              name="district"
              label={t('customers.fields.district')}
              rules={[zodRule(shape.district)]}
            >
              <Input autoComplete="address-level3" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label={t('customers.fields.address')} rules={[zodRule(shape.address)]}>
              <Input autoComplete="street-address" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('customers.fields.phones')} required={false} style={{ marginBottom: 0 }}>
              <Form.List name="phones">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, index) => (
                      <Flex key={field.key} gap={8} align="flex-start">
                        <Form.Item
                          name={field.name}
                          rules={[zodRule(phoneSchema, { skipEmpty: true })]}
                          style={{ flex: 1, minWidth: 0 }}
                        >
                          <Input
                            inputMode="tel"
                            autoComplete="tel"
                            aria-label={t('customers.phoneNumber', { number: index + 1 })}
                          />
                        </Form.Item>
                        {fields.length > 1 ? (
                          <Button
                            icon={<DeleteOutlined aria-hidden />}
                            aria-label={t('customers.removePhone', { number: index + 1 })}
                            onClick={() => remove(field.name)}
                          />
                        ) : null}
                      </Flex>
                    ))}
                    {fields.length < 5 ? (
                      <Form.Item>
                        <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add('')}>
                          {t('customers.addPhone')}
                        </Button>
                      </Form.Item>
                    ) : null}
                  </>
                )}
              </Form.List>
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="email" label={t('customers.fields.email')} rules={[zodRule(shape.email)]}>
              <Input inputMode="email" autoComplete="email" />
            </Form.Item>
            <Form.Item
              name="website"
              label={t('customers.fields.website')}
              rules={[zodRule(shape.website, { normalize: withScheme })]}
            >
              <Input inputMode="url" placeholder="https://" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="tags" label={t('customers.fields.tags')} rules={[zodRule(shape.tags)]}>
              <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="ownerId"
              label={t('customers.fields.owner')}
              required
              rules={[zodRule(shape.ownerId.unwrap())]}
            >
              <RemoteSelect
                queryKey={ownerLookupKey}
                search={searchOwners}
                knownOptions={knownOwners}
                placeholder={t('customers.ownerPlaceholder')}
                disabled={!mayChooseOwner}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="notes" label={t('customers.fields.notes')} rules={[zodRule(shape.notes)]}>
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
              <CustomFieldInputs fields={customFields.data} values={customer?.custom} />
            </Row>
          </>
        ) : null}
      </Form>
      <DuplicateSaveModal
        refusal={refusal}
        saving={pending}
        onSaveAnyway={saveAnyway}
        onClose={() => setRefusal(undefined)}
      />
    </Drawer>
  );
};
