import type { CustomField } from '@kehu/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { customFieldsQueryOptions } from '../../../components/custom-fields/custom-fields-query';
import {
  applicableCustomFilters,
  parseCustomFilters,
  serializeCustomFilters,
} from '../../../components/custom-fields/custom-filter-param';
import type { CustomerFilters } from '../api/customers-api';

/**
 * A link or saved view kept from before a custom field was archived or stopped being filterable:
 * its condition is dropped (the server would refuse the whole list), and the names of the dropped
 * fields are kept to tell the user, since the list now shows more than the link or view meant to.
 */
/** Filters compared by value, whatever the order of their keys. */
const filtersKey = (filters: CustomerFilters): string =>
  JSON.stringify(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

export const useStaleCustomFilters = (
  filters: CustomerFilters,
  fields: readonly CustomField[] | undefined,
  onChange: (patch: Partial<CustomerFilters>) => void,
) => {
  const [dropped, setDropped] = useState<{ keys: string[]; shownWith: string } | null>(null);
  const { custom } = filters;
  useEffect(() => {
    if (!fields || !custom) return;
    const parsed = parseCustomFilters(custom);
    const applicable = applicableCustomFilters(parsed, fields);
    const serialized = serializeCustomFilters(applicable);
    if (serialized === custom) return;
    setDropped({
      keys: Object.keys(parsed).filter((key) => !(key in applicable)),
      // Said while the list is the one the link or view asked for; any other filter change ends it.
      shownWith: filtersKey({ ...filters, custom: serialized }),
    });
    onChange({ custom: serialized });
  }, [fields, custom, filters, onChange]);

  const current = dropped && dropped.shownWith === filtersKey(filters) ? dropped.keys : [];
  // Archived fields are not in the list the bar uses: their labels come from the full one.
  const all = useQuery({ ...customFieldsQueryOptions('customer', true), enabled: current.length > 0 });
  const droppedLabels = current.map((key) => all.data?.find((field) => field.key === key)?.label ?? key);
  return { droppedLabels, dismiss: () => setDropped(null) };
};
