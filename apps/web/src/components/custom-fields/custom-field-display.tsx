import type { CustomField, CustomValues } from '@kehu/contracts';
import { Flex, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { emptyMark, formatDate, formatPhone, phoneHref } from '../format';
import { moneyToMajor } from './custom-field-values';

const optionLabel = (field: CustomField, value: unknown): string =>
  field.options.find((option) => option.value === value)?.label ?? String(value);

/** A money amount in minor units, as yuan with two decimals (¥1,234.50). */
export const formatMoney = (minor: number, language?: string): string =>
  new Intl.NumberFormat(language || undefined, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(moneyToMajor(minor));

/** One custom value for detail pages and tables (— when empty). */
export const customFieldDisplay = (field: CustomField, value: unknown, t: TFunction): ReactNode => {
  if (value === null || value === undefined || value === '') return emptyMark;
  if (Array.isArray(value) && value.length === 0) return emptyMark;
  switch (field.type) {
    case 'longText':
      return (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {String(value)}
        </Typography.Paragraph>
      );
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat().format(value) : String(value);
    case 'money':
      return typeof value === 'number' ? `¥${formatMoney(value)}` : String(value);
    case 'date':
      return formatDate(String(value));
    case 'select':
      return optionLabel(field, value);
    case 'multiSelect':
      return (
        <Flex wrap="wrap" gap={4}>
          {(Array.isArray(value) ? value : [value]).map((item) => (
            <Tag key={String(item)} style={{ marginInlineEnd: 0 }}>
              {optionLabel(field, item)}
            </Tag>
          ))}
        </Flex>
      );
    case 'boolean':
      return value === true ? t('common.yes') : value === false ? t('common.no') : String(value);
    case 'phone':
      return <a href={phoneHref(String(value))}>{formatPhone(String(value))}</a>;
    case 'email':
      return <a href={`mailto:${String(value)}`}>{String(value)}</a>;
    case 'url':
      return /^https?:\/\//i.test(String(value)) ? (
        <a href={String(value)} target="_blank" rel="noopener noreferrer">
          {String(value)}
        </a>
      ) : (
        String(value)
      );
    default:
      return String(value);
  }
};

/** Descriptions items for a record's custom values (`long text` spans the row). */
export const customDescriptionItems = (fields: readonly CustomField[], values: CustomValues, t: TFunction) =>
  fields.map((field) => ({
    key: `custom.${field.key}`,
    label: field.label,
    children: customFieldDisplay(field, values[field.key], t),
    ...(field.type === 'longText' ? { span: 'filled' as const } : {}),
  }));
