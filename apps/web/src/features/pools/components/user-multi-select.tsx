import { useQueries, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemoteOption } from '../../../components/remote-select';
import { poolKeys, searchUsers, userQueryOptions } from '../api/pools-api';

interface UserMultiSelectProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  'aria-label'?: string;
  placeholder?: string;
}

/** Several users, searched on the server as the user types; chosen users keep their names. */
export const UserMultiSelect = ({
  value,
  onChange,
  id,
  'aria-label': ariaLabel,
  placeholder,
}: UserMultiSelectProps) => {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);
  const result = useQuery({
    queryKey: [...poolKeys.userLookup, query],
    queryFn: ({ signal }) => searchUsers(query, signal),
    enabled: open,
    staleTime: 60_000,
  });
  const chosen = useQueries({ queries: (value ?? []).map((userId) => userQueryOptions(userId)) });
  const options = useMemo(() => {
    const merged = new Map<string, RemoteOption>();
    for (const entry of chosen) if (entry.data) merged.set(entry.data.value, entry.data);
    for (const option of result.data ?? []) merged.set(option.value, option);
    return [...merged.values()];
  }, [chosen, result.data]);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      aria-label={ariaLabel}
      value={value ?? []}
      onChange={(next) => onChange?.(next)}
      onOpenChange={setOpen}
      options={options}
      placeholder={placeholder}
      loading={result.isFetching}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onBlur={() => setText('')}
      notFoundContent={result.isFetching ? t('common.loading') : t('common.noMatches')}
    />
  );
};
