import type { TagDefinition } from '@kehu/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';

export const tagKeys = {
  all: ['tags'] as const,
  list: () => [...tagKeys.all, 'list'] as const,
};

/** The administrator-defined tags (colour, description): one request, kept for minutes. */
export const tagDefinitionsQueryOptions = queryOptions({
  queryKey: tagKeys.list(),
  queryFn: ({ signal }) => api.get<{ items: TagDefinition[] }>('/api/v1/tags', undefined, signal),
  staleTime: 5 * 60_000,
});

const toColorMap = (page: { items: TagDefinition[] }): ReadonlyMap<string, string> =>
  new Map(page.items.map((tag) => [tag.name, tag.color]));

const emptyColors: ReadonlyMap<string, string> = new Map();

/** Tag name → colour (antd preset name or #rrggbb) for the tags that have one. */
export const useTagColors = (): ReadonlyMap<string, string> => {
  const { data } = useQuery({
    ...tagDefinitionsQueryOptions,
    select: toColorMap,
  });
  return data ?? emptyColors;
};
