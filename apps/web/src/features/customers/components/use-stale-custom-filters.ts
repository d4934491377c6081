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
export const useStaleCustomFilters = (
  custom: string | undefined,
  fields: readonly CustomField[] | undefined,
  onChange: (patch: Partial<CustomerFilters>) => void,
) => {
  const [droppedKeys, setDroppedKeys] = useState<string[]>([]);
  useEffect(() => {
    if (!fields || !custom) return;
    const filters = parseCustomFilters(custom);
    const applicable = applicableCustomFilters(filters, fields);
    const serialized = serializeCustomFilters(applicable);
    if (serialized === custom) return;
    setDroppedKeys(Object.keys(filters).filter((key) => !(key in applicable)));
    onChange({ custom: serialized });
  }, [fields, custom, onChange]);

  // Archived fields are not in the list the bar uses: their labels come from the full one.
  const all = useQuery({ ...customFieldsQueryOptions('customer', true), enabled: droppedKeys.length > 0 });
  const droppedLabels = droppedKeys.map((key) => all.data?.find((field) => field.key === key)?.label ?? key);
  return { droppedLabels, dismiss: () => setDroppedKeys([]) };
};
