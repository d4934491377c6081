import type { CustomField, CustomFieldEntity } from '@kehu/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api-client';

export const customFieldKeys = {
  all: ['custom-fields'] as const,
  list: (entity: CustomFieldEntity, includeArchived: boolean) =>
    [...customFieldKeys.all, entity, includeArchived ? 'all' : 'active'] as const,
};

/** An entity's field definitions in form order (archived ones only when asked for). */
export const customFieldsQueryOptions = (entity: CustomFieldEntity, includeArchived = false) =>
  queryOptions({
    queryKey: customFieldKeys.list(entity, includeArchived),
    queryFn: ({ signal }) =>
      api.get<{ items: CustomField[] }>(
        '/api/v1/custom-fields',
        { entity, includeArchived: includeArchived ? 'true' : 'false' },
        signal,
      ),
    select: (data) => data.items,
    staleTime: 60_000,
  });
