import { type CustomerType, customerTypes } from '@kehu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerFilters } from '../api/customers-api';
import { typeCountFiltersOf, typeCountsQueryOptions } from '../api/ownership-api';

interface CustomerTypeCountsProps {
  filters: CustomerFilters;
  onChange: (type: CustomerType | undefined) => void;
}

const allKey = 'all';

/** The type filter as a row of choices, each with its count under the other filters ("10000+" at the cap). */
export const CustomerTypeCounts = ({ filters, onChange }: CustomerTypeCountsProps) => {
  const { t, i18n } = useTranslation();
  const counts = useQuery({
    ...typeCountsQueryOptions(typeCountFiltersOf(filters)),
    placeholderData: keepPreviousData,
  });
  const numberFormat = new Intl.NumberFormat(i18n.language);
  const countText = (type: CustomerType): string | null => {
    if (!counts.data) return null;
    const count = counts.data.counts[type];
    return count >= counts.data.cap
      ? t('ownership.typeCounts.capped', { count: numberFormat.format(counts.data.cap) })
      : numberFormat.format(count);
  };

  const options = [
    { value: allKey, label: t('ownership.typeCounts.all') },
    ...customerTypes.map((type) => {
      const text = countText(type);
      return {
        value: type,
        label: (
          <span>
            {t(`customers.types.${type}`)}
            {text === null ? null : <span style={{ marginInlineStart: 6, opacity: 0.65 }}>{text}</span>}
          </span>
        ),
      };
    }),
  ];

  return (
    <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Segmented<string>
        aria-label={t('customers.fields.type')}
        value={filters.type ?? allKey}
        onChange={(value) => onChange(value === allKey ? undefined : (value as CustomerType))}
        options={options}
      />
    </div>
  );
};
