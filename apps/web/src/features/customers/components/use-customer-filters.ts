import { customerKinds, customerLevels, customerSortFields, customerTypes } from '@kehu/contracts';
import { useCallback, useMemo } from 'react';
import {
  parseCustomFilters,
  serializeCustomFilters,
} from '../../../components/custom-fields/custom-filter-param';
import { useUrlParams } from '../../../components/use-url-params';
import type { CustomerFilters } from '../api/customers-api';

const textKeys = [
  'q',
  'ownerId',
  'departmentId',
  'tag',
  'industry',
  'source',
  'createdFrom',
  'createdTo',
] as const;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const sortValues = customerSortFields.flatMap((field) => [field, `-${field}`]);

/** The customer list's filters live in the URL: reload, share and "back" keep them. */
export const useCustomerFilters = () => {
  const [params, changeParams] = useUrlParams();

  const filters = useMemo<CustomerFilters>(() => {
    const result: CustomerFilters = {
      type: oneOf(customerTypes, params.get('type')),
      level: oneOf(customerLevels, params.get('level')),
      kind: oneOf(customerKinds, params.get('kind')),
      sort: oneOf(sortValues, params.get('sort')),
    };
    for (const key of textKeys) {
      const value = params.get(key)?.trim();
      if (value) result[key] = value;
    }
    // Re-serialised: malformed JSON in a shared link is dropped instead of failing the list.
    const custom = serializeCustomFilters(parseCustomFilters(params.get('custom') ?? undefined));
    if (custom) result.custom = custom;
    return result;
  }, [params]);

  const setFilters = useCallback(
    (patch: Partial<CustomerFilters>) => {
      changeParams((current) => {
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined || value === '') current.delete(key);
          else current.set(key, value);
        }
        return current;
      });
    },
    [changeParams],
  );

  const clearFilters = useCallback(() => {
    changeParams((current) => {
      const next = new URLSearchParams();
      const sort = current.get('sort');
      if (sort) next.set('sort', sort);
      return next;
    });
  }, [changeParams]);

  /** The saved view the list was opened from (`view` in the URL), if any. */
  const viewId = params.get('view') ?? undefined;

  /** Shows a saved view: its filters replace the current ones. */
  const applyView = useCallback(
    (id: string, viewFilters: Readonly<Record<string, string>>) => {
      changeParams(() => new URLSearchParams({ ...viewFilters, view: id }));
    },
    [changeParams],
  );

  /** Leaves the view, keeping the filters. */
  const leaveView = useCallback(() => {
    changeParams((current) => {
      current.delete('view');
      return current;
    });
  }, [changeParams]);

  return { filters, setFilters, clearFilters, viewId, applyView, leaveView };
};
