import type { PublicWebForm } from '@kehu/contracts';
import { Checkbox, Input, Select } from 'antd';
import type { ReactNode } from 'react';

export type PublicField = PublicWebForm['fields'][number];

/** The input of one public field: native inputs where they serve phones best (keyboards, dates). */
export const publicFieldInput = (field: PublicField): ReactNode => {
  const options = field.options.map((option) => ({ value: option.value, label: option.label }));
  switch (field.type) {
    case 'textarea':
    case 'longText':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />;
    case 'phone':
      return <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={40} />;
    case 'email':
      return <Input type="email" inputMode="email" autoComplete="email" maxLength={200} />;
    case 'url':
      return <Input type="url" inputMode="url" placeholder="https://" maxLength={500} />;
    case 'number':
    case 'money':
      return <Input inputMode="decimal" maxLength={20} />;
    case 'date':
      return <Input type="date" />;
    case 'select':
      return <Select allowClear options={options} />;
    case 'multiSelect':
      return <Checkbox.Group options={options} />;
    case 'boolean':
      return <Checkbox />;
    default:
      return <Input maxLength={500} autoComplete={field.name === 'contactName' ? 'name' : 'off'} />;
  }
};

/** A form value as the API takes it; undefined: nothing given. */
export const publicFieldValue = (
  field: PublicField,
  value: unknown,
): string | string[] | boolean | number | undefined => {
  if (value === undefined || value === null) return undefined;
  if (field.type === 'boolean') return value === true;
  if (field.type === 'multiSelect')
    return Array.isArray(value) && value.length > 0 ? value.map(String) : undefined;
  const text = String(value).trim();
  if (text === '') return undefined;
  if (field.type === 'number' || field.type === 'money') {
    const number = Number(text.replace(/[,，\s]/g, ''));
    if (!Number.isFinite(number)) return text;
    // Money is kept in minor units (分); the visitor types yuan.
    return field.type === 'money' ? Math.round(number * 100) : number;
  }
  return text;
};
