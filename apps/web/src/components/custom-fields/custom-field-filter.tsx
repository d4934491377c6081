import type { CustomField } from '@kehu/contracts';
import { DatePicker, Flex, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { type CSSProperties, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DebouncedInput } from '../debounced-input';
import { moneyToMajor, moneyToMinor } from './custom-field-values';
import type { CustomFilterValue } from './custom-filter-param';

interface CustomFieldFilterProps {
  field: CustomField;
  value: CustomFilterValue | undefined;
  onChange: (value: CustomFilterValue | undefined) => void;
  style?: CSSProperties;
}

interface Range {
  min?: number;
  max?: number;
}

const rangeOf = (value: CustomFilterValue | undefined): Range => {
  if (typeof value === 'number') return { min: value, max: value };
  if (typeof value === 'object') return value;
  return {};
};

/** A min–max pair for number and money fields; commits on blur or Enter (money shown in yuan). */
const RangeFilter = ({ field, value, onChange, style }: CustomFieldFilterProps) => {
  const { t } = useTranslation();
  const isMoney = field.type === 'money';
  const toShown = (number: number | undefined) =>
    number === undefined ? null : isMoney ? moneyToMajor(number) : number;
  const toSent = (number: number | null) =>
    number === null ? undefined : isMoney ? moneyToMinor(number) : number;
  const current = rangeOf(value);
  const [min, setMin] = useState<number | null>(toShown(current.min));
  const [max, setMax] = useState<number | null>(toShown(current.max));
  const key = JSON.stringify(value ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the inputs when the filter changes elsewhere
  useEffect(() => {
    const range = rangeOf(value);
    setMin(toShown(range.min));
    setMax(toShown(range.max));
  }, [key]);

  const commit = () => {
    const range: Range = {};
    const low = toSent(min);
    const high = toSent(max);
    if (low !== undefined) range.min = low;
    if (high !== undefined) range.max = high;
    const next = low === undefined && high === undefined ? undefined : range;
    if (JSON.stringify(next ?? null) !== JSON.stringify(value ?? null)) onChange(next);
  };
  const common = {
    precision: isMoney ? 2 : undefined,
    inputMode: 'decimal' as const,
    onBlur: commit,
    onPressEnter: commit,
    style: { flex: 1, minWidth: 0 },
  };
  return (
    <Flex gap={4} align="center" style={style}>
      <InputNumber
        {...common}
        value={min}
        onChange={(next) => setMin(typeof next === 'number' ? next : null)}
        placeholder={t('customFields.filter.min')}
        aria-label={t('customFields.filter.minOf', { label: field.label })}
      />
      <span aria-hidden>–</span>
      <InputNumber
        {...common}
        value={max}
        onChange={(next) => setMax(typeof next === 'number' ? next : null)}
        placeholder={t('customFields.filter.max')}
        aria-label={t('customFields.filter.maxOf', { label: field.label })}
      />
    </Flex>
  );
};

/** A list filter on one custom field, in the widget its type calls for. */
export const CustomFieldFilter = (props: CustomFieldFilterProps) => {
  const { field, value, onChange, style } = props;
  const { t } = useTranslation();
  const options = field.options.map((option) => ({ value: option.value, label: option.label }));
  switch (field.type) {
    case 'number':
    case 'money':
      return <RangeFilter {...props} />;
    case 'select':
    case 'multiSelect':
      return (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={field.label}
          placeholder={
            field.type === 'multiSelect' ? t('customFields.filter.contains') : t('customFields.filter.any')
          }
          value={typeof value === 'string' ? value : undefined}
          onChange={(next: string | undefined) => onChange(next)}
          options={options}
          style={style}
        />
      );
    case 'boolean':
      return (
        <Select
          allowClear
          aria-label={field.label}
          placeholder={t('customFields.filter.any')}
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(next: boolean | undefined) => onChange(next)}
          options={[
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
          ]}
          style={style}
        />
      );
    case 'date':
      return (
        <DatePicker
          aria-label={field.label}
          value={typeof value === 'string' && dayjs(value).isValid() ? dayjs(value) : null}
          onChange={(date) => onChange(date ? date.format('YYYY-MM-DD') : undefined)}
          style={style}
        />
      );
    default:
      return (
        <DebouncedInput
          aria-label={field.label}
          placeholder={t('customFields.filter.equals')}
          value={typeof value === 'string' ? value : undefined}
          onChange={onChange}
          style={style}
        />
      );
  }
};
