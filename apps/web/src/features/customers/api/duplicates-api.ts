import {
  type DuplicateCheckRequest,
  type DuplicateCheckResult,
  type DuplicateMatch,
  duplicateMatchSchema,
} from '@kehu/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, isApiError } from '../../../app/api-client';

export const duplicateKeys = {
  check: (request: DuplicateCheckRequest) => ['customers', 'duplicate-check', request] as const,
};

export const checkDuplicates = (body: DuplicateCheckRequest, signal?: AbortSignal) =>
  api.post<DuplicateCheckResult>('/api/v1/customers/duplicate-check', body, { signal });

/** Likely duplicates of what is being typed (kept while the next answer loads: no flicker). */
export const duplicateCheckQueryOptions = (request: DuplicateCheckRequest) =>
  queryOptions({
    queryKey: duplicateKeys.check(request),
    queryFn: ({ signal }) => checkDuplicates(request, signal),
    staleTime: 30_000,
    retry: false,
    placeholderData: keepPreviousData,
  });

export type DuplicateRefusal = { code: 'DUPLICATE_WARNING' | 'DUPLICATE_BLOCKED'; matches: DuplicateMatch[] };

const duplicateMatchesSchema = duplicateMatchSchema.array();

/** A save refused because of duplicates (409 DUPLICATE_WARNING / DUPLICATE_BLOCKED), else undefined. */
export const duplicateRefusal = (error: unknown): DuplicateRefusal | undefined => {
  if (!isApiError(error)) return undefined;
  if (error.code !== 'DUPLICATE_WARNING' && error.code !== 'DUPLICATE_BLOCKED') return undefined;
  const parsed = duplicateMatchesSchema.safeParse(error.details?.duplicates);
  return { code: error.code, matches: parsed.success ? parsed.data : [] };
};
