import type { Import, ImportPreview, ImportSettings } from '@kehu/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api-client';

/** A recent import as the list answers it (without sample rows and targets). */
export type ImportSummary = Omit<Import, 'sample' | 'targets'>;

export const importKeys = {
  all: ['imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
  detail: (id: string) => [...importKeys.all, 'detail', id] as const,
};

const importPath = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}`;

/** Still to finish: the page polls the import while it is in one of these. */
export const isImportActive = (status: Import['status']) => status === 'queued' || status === 'running';

export const importListQueryOptions = () =>
  queryOptions({
    queryKey: importKeys.list(),
    queryFn: ({ signal }) => api.get<{ items: ImportSummary[] }>('/api/v1/imports', undefined, signal),
    staleTime: 0,
  });

/** One import; polled every second while it is queued or running, so a reload shows the same progress. */
export const importQueryOptions = (id: string) =>
  queryOptions({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => api.get<Import>(importPath(id), undefined, signal),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && isImportActive(query.state.data.status) ? 1000 : false),
  });

export const uploadImportFile = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<Import>('/api/v1/imports', form);
};

export const previewImport = (id: string, settings: ImportSettings) =>
  api.post<ImportPreview>(`${importPath(id)}/preview`, settings);

export const startImport = (id: string, settings: ImportSettings) =>
  api.post<Import>(`${importPath(id)}/start`, settings);

/** A plain link: the session cookie goes with it, and the server sends the CSV as an attachment. */
export const failedRowsUrl = (id: string) => `${importPath(id)}/failed-rows`;
