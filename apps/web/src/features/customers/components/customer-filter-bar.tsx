import { FilterOutlined, PlusCircleOutlined } from '@ant-design/icons';
import type { CustomField } from '@kehu/contracts';
import { customerKinds, customerLevels, customerSortFields } from '@kehu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, DatePicker, Flex, Input, Popover, Select, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomFieldFilter } from '../../../components/custom-fields/custom-field-filter';
import { customFieldsQueryOptions } from '../../../components/custom-fields/custom-fields-query';
import {
  type CustomFilters,
  type CustomFilterValue,
  parseCustomFilters,
  serializeCustomFilters,
} from '../../../components/custom-fields/custom-filter-param';
import { DebouncedInput } from '../../../components/debounced-input';
import { RemoteSelect } from '../../../components/remote-select';
import { buildTree } from '../../../components/tree';
import { useDebouncedCommit } from '../../../components/use-debounced-commit';
import { useIsMobile } from '../../../components/use-is-mobile';
import type { CustomerFilters } from '../api/customers-api';
import { departmentsLookupQueryOptions, ownerLookupKey, searchOwners } from '../api/lookups-api';
import { CustomerTypeCounts } from './customer-type-counts';
import { useStaleCustomFilters } from './use-stale-custom-filters';

interface CustomerFilterBarProps {
  filters: CustomerFilters;
  onChange: (patch: Partial<CustomerFilters>) => void;
  onClear: () => void;
  /** Shown next to the search box (the saved views menu). */
  extra?: ReactNode;
}

const filterKeys = [
  'type',
  'level',
  'kind',
  'ownerId',
  'departmentId',
  'tag',
  'industry',
  'source',
  'createdFrom',
  'createdTo',
] as const;

interface CustomFilterListProps {
  fields: readonly CustomField[];
  values: CustomFilters;
  onChange: (key: string, value: CustomFilterValue | undefined) => void;
  width: number | string;
}

/** The filterable custom fields, each with its label above its widget. */
const CustomFilterList = ({ fields, values, onChange, width }: CustomFilterListProps) => (
  <Flex vertical gap={8} style={{ width }}>
    {fields.map((field) => (
      <Flex key={field.id} vertical gap={2} data-testid={`custom-filter-${field.key}`}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {field.label}
        </Typography.Text>
        <CustomFieldFilter
          field={field}
          value={values[field.key]}
          onChange={(value) => onChange(field.key, value)}
          style={{ width: '100%' }}
        />
      </Flex>
    ))}
  </Flex>
);

/** Search box always visible; the other filters inline on wide screens, behind a button on phones. */
export const CustomerFilterBar = ({ filters, onChange, onClear, extra }: CustomerFilterBarProps) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [expanded, setExpanded] = useState(false);
  const [search, setSearch] = useState(filters.q ?? '');
  const departments = useQuery(departmentsLookupQueryOptions);
  const customFields = useQuery(customFieldsQueryOptions('customer'));
  const filterable = (customFields.data ?? []).filter((field) => field.filterable);
  const customFilters = parseCustomFilters(filters.custom);
  const customCount = Object.keys(customFilters).length;
  const activeCount = filterKeys.filter((key) => filters[key] !== undefined).length + customCount;
  const setCustomFilter = (key: string, value: CustomFilterValue | undefined) => {
    const next = { ...customFilters };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange({ custom: serializeCustomFilters(next) });
  };

  const stale = useStaleCustomFilters(filters, customFields.data, onChange);

  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);
  const commitSearch = useCallback((q: string | undefined) => onChange({ q }), [onChange]);
  useDebouncedCommit(search, filters.q, commitSearch);

  const fieldWidth = isMobile ? '100%' : 170;
  const sortOptions = customerSortFields.flatMap((field) => [
    { value: `-${field}`, label: t(`customers.sort.${field}.desc`) },
    { value: field, label: t(`customers.sort.${field}.asc`) },
  ]);

  const filtersPanel = (
    <Flex wrap="wrap" gap={8} vertical={isMobile} style={{ width: '100%' }}>
      <Select
        aria-label={t('customers.fields.level')}
        placeholder={t('customers.fields.level')}
        allowClear
        value={filters.level}
        onChange={(level) => onChange({ level })}
        options={customerLevels.map((level) => ({ value: level, label: level }))}
        style={{ width: isMobile ? '100%' : 110 }}
      />
      <Select
        aria-label={t('customers.fields.kind')}
        placeholder={t('customers.fields.kind')}
        allowClear
        value={filters.kind}
        onChange={(kind) => onChange({ kind })}
        options={customerKinds.map((kind) => ({ value: kind, label: t(`customers.kinds.${kind}`) }))}
        style={{ width: isMobile ? '100%' : 130 }}
      />
      <RemoteSelect
        aria-label={t('customers.fields.owner')}
        placeholder={t('customers.fields.owner')}
        allowClear
        queryKey={ownerLookupKey}
        search={searchOwners}
        value={filters.ownerId}
        onChange={(ownerId) => onChange({ ownerId })}
        style={{ width: isMobile ? '100%' : 200 }}
      />
      {departments.data ? (
        <TreeSelect
          aria-label={t('customers.fields.department')}
          placeholder={t('customers.fields.department')}
          allowClear
          treeDefaultExpandAll
          value={filters.departmentId}
          onChange={(departmentId: string | undefined) => onChange({ departmentId })}
          treeData={buildTree(departments.data.items)}
          style={{ width: fieldWidth }}
        />
      ) : null}
      <DebouncedInput
        aria-label={t('customers.fields.tags')}
        placeholder={t('customers.filters.tag')}
        value={filters.tag}
        onChange={(tag) => onChange({ tag })}
        style={{ width: isMobile ? '100%' : 140 }}
      />
      <DebouncedInput
        aria-label={t('customers.fields.industry')}
        placeholder={t('customers.fields.industry')}
        value={filters.industry}
        onChange={(industry) => onChange({ industry })}
        style={{ width: isMobile ? '100%' : 140 }}
      />
      <DebouncedInput
        aria-label={t('customers.fields.source')}
        placeholder={t('customers.fields.source')}
        value={filters.source}
        onChange={(source) => onChange({ source })}
        style={{ width: isMobile ? '100%' : 140 }}
      />
      <DatePicker
        aria-label={t('customers.filters.createdFrom')}
        placeholder={t('customers.filters.createdFrom')}
        value={filters.createdFrom ? dayjs(filters.createdFrom) : null}
        onChange={(date) => onChange({ createdFrom: date ? date.format('YYYY-MM-DD') : undefined })}
        style={{ width: isMobile ? '100%' : 150 }}
      />
      <DatePicker
        aria-label={t('customers.filters.createdTo')}
        placeholder={t('customers.filters.createdTo')}
        value={filters.createdTo ? dayjs(filters.createdTo) : null}
        onChange={(date) => onChange({ createdTo: date ? date.format('YYYY-MM-DD') : undefined })}
        style={{ width: isMobile ? '100%' : 150 }}
      />
      {isMobile ? (
        <Select
          aria-label={t('customers.sort.label')}
          value={filters.sort ?? '-updatedAt'}
          onChange={(sort) => onChange({ sort: sort === '-updatedAt' ? undefined : sort })}
          options={sortOptions}
          style={{ width: '100%' }}
        />
      ) : null}
      {filterable.length > 0 && isMobile ? (
        <CustomFilterList
          fields={filterable}
          values={customFilters}
          onChange={setCustomFilter}
          width="100%"
        />
      ) : null}
      {filterable.length > 0 && !isMobile ? (
        <Popover
          trigger="click"
          placement="bottomLeft"
          title={t('customFields.filter.more')}
          content={
            <CustomFilterList
              fields={filterable}
              values={customFilters}
              onChange={setCustomFilter}
              width={280}
            />
          }
        >
          <Badge count={customCount} size="small">
            <Button icon={<PlusCircleOutlined aria-hidden />}>{t('customFields.filter.more')}</Button>
          </Badge>
        </Popover>
      ) : null}
      {activeCount > 0 ? <Button onClick={onClear}>{t('customers.filters.clear')}</Button> : null}
    </Flex>
  );

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Flex gap={8} wrap="wrap">
        <Input.Search
          aria-label={t('customers.searchLabel')}
          placeholder={t('customers.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => onChange({ q: value.trim() || undefined })}
          // On a phone the search has the row to itself (the buttons wrap below), else it is unreadable.
          style={isMobile ? { flex: '1 1 100%' } : { flex: 1, maxWidth: 360 }}
          enterButton
        />
        {isMobile ? (
          <Badge count={activeCount} size="small">
            <Button
              icon={<FilterOutlined aria-hidden />}
              onClick={() => setExpanded((open) => !open)}
              aria-expanded={expanded}
            >
              {t('customers.filters.toggle')}
            </Button>
          </Badge>
        ) : null}
        {extra}
      </Flex>
      {stale.droppedLabels.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: stale.dismiss }}
          data-testid="stale-custom-filters"
          title={t('customers.filters.staleDropped', {
            count: stale.droppedLabels.length,
            fields: stale.droppedLabels.join(t('common.listSeparator')),
          })}
        />
      ) : null}
      {!isMobile || expanded ? filtersPanel : null}
      <CustomerTypeCounts filters={filters} onChange={(type) => onChange({ type })} />
    </Flex>
  );
};
