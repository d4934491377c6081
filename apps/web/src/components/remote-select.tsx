import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { type CSSProperties, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface RemoteOption {
  value: string;
  label: string;
}

interface RemoteSelectProps {
  /** Identifies the source in the query cache, e.g. ['lookup', 'users']. */
  queryKey: readonly unknown[];
  search: (query: string, signal: AbortSignal) => Promise<RemoteOption[]>;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Labels for values that the first search may not return (e.g. the record's current owner). */
  knownOptions?: readonly RemoteOption[];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}

const useDebounced = (value: string, delay: number): string => {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return debounced;
};

/** A select whose options come from the server, searched as the user types. */
export const RemoteSelect = ({
  queryKey,
  search,
  value,
  onChange,
  knownOptions,
  placeholder,
  allowClear,
  disabled,
  id,
  style,
  'aria-label': ariaLabel,
}: RemoteSelectProps) => {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const [open, setOpen] = useState(false);
  const needsLabel = Boolean(value) && !knownOptions?.some((option) => option.value === value);

  const result = useQuery({
    queryKey: [...queryKey, query],
    queryFn: ({ signal }) => search(query, signal),
    enabled: open || needsLabel,
    staleTime: 60_000,
  });

  const options = useMemo(() => {
    const merged = new Map<string, RemoteOption>();
    for (const option of knownOptions ?? []) merged.set(option.value, option);
    for (const option of result.data ?? []) merged.set(option.value, option);
    return [...merged.values()];
  }, [knownOptions, result.data]);

  return (
    <Select<string>
      id={id}
      aria-label={ariaLabel}
      style={style}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      onOpenChange={setOpen}
      options={options}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      loading={result.isFetching}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onBlur={() => setText('')}
      notFoundContent={result.isFetching ? t('common.loading') : t('common.noMatches')}
    />
  );
};
