import type { CustomField, CustomValues } from '@kehu/contracts';
import { Col, type ColProps, DatePicker, Form, type FormRule, Input, InputNumber, Select } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toCustomFormValue } from './custom-field-values';

const urlPattern = /^https?:\/\/\S+$/i;

const rulesOf = (field: CustomField, t: TFunction, values: CustomValues | undefined): FormRule[] => {
  const rules: FormRule[] = [];
  // Like the server: an old record that never had a value for a newer required field stays editable.
  const enforced = !values || (values[field.key] !== undefined && values[field.key] !== null);
  if (field.required && enforced) {
    const isText = field.type === 'text' || field.type === 'longText';
    rules.push(
      isText
        ? { required: true, whitespace: true, message: t('validation.required') }
        : { required: true, message: t('validation.required') },
    );
  }
  if (field.type === 'email') rules.push({ type: 'email', message: t('validation.email') });
  if (field.type === 'url') rules.push({ pattern: urlPattern, message: t('validation.url') });
  if (field.type === 'text') rules.push({ max: 500, message: t('validation.maxLength', { count: 500 }) });
  if (field.type === 'longText') {
    rules.push({ max: 10_000, message: t('validation.maxLength', { count: 10_000 }) });
  }
  return rules;
};

/** The widget that edits one custom field (money in yuan with two decimals). */
export const customFieldWidget = (field: CustomField, t: TFunction): ReactNode => {
  const options = field.options.map((option) => ({ value: option.value, label: option.label }));
  switch (field.type) {
    case 'text':
      return <Input maxLength={500} />;
    case 'longText':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} inputMode="decimal" />;
    case 'money':
      return (
        <InputNumber
          style={{ width: '100%' }}
          precision={2}
          step={0.01}
          inputMode="decimal"
          suffix={t('customFields.yuan')}
        />
      );
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'select':
      return <Select allowClear placeholder={t('common.none')} options={options} />;
    case 'multiSelect':
      return <Select mode="multiple" allowClear options={options} />;
    case 'boolean':
      return (
        <Select
          allowClear
          placeholder={t('common.none')}
          options={[
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
          ]}
        />
      );
    case 'phone':
      return <Input inputMode="tel" autoComplete="off" />;
    case 'email':
      return <Input inputMode="email" autoComplete="off" />;
    case 'url':
      return <Input inputMode="url" placeholder="https://" />;
  }
};

interface CustomFieldInputsProps {
  /** The active definitions, in form order. */
  fields: readonly CustomField[];
  /** The record's stored values (edit); the items start from them. */
  values?: CustomValues;
  /** The grid column of one field; long text always spans the row. */
  col?: ColProps;
}

/**
 * A form section with one item per custom field, named `['custom', key]` (so a server error on
 * `custom.<key>` lands on it). Render inside an antd `Row`.
 */
export const CustomFieldInputs = ({ fields, values, col = { xs: 24, md: 12 } }: CustomFieldInputsProps) => {
  const { t } = useTranslation();
  return (
    <>
      {fields.map((field) => (
        <Col key={field.id} {...(field.type === 'longText' ? { xs: 24 } : col)}>
          <Form.Item
            name={['custom', field.key]}
            label={field.label}
            required={field.required}
            rules={rulesOf(field, t, values)}
            initialValue={values ? toCustomFormValue(field, values[field.key]) : undefined}
            data-testid={`custom-field-${field.key}`}
          >
            {customFieldWidget(field, t)}
          </Form.Item>
        </Col>
      ))}
    </>
  );
};
