import type {
  Contact,
  ContactPage,
  CreateContact,
  Customer,
  HistoryEntry,
  UpdateContact,
} from '@kehu/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import type { RemoteOption } from '../../../components/remote-select';

export interface ContactFilters {
  q?: string;
  customerId?: string;
  deleted?: 'true' | 'false';
}

export const contactKeys = {
  all: ['contacts'] as const,
  lists: () => [...contactKeys.all, 'list'] as const,
  list: (filters: ContactFilters) => [...contactKeys.lists(), filters] as const,
  byCustomer: (customerId: string) => [...contactKeys.all, 'by-customer', customerId] as const,
  detail: (id: string) => [...contactKeys.all, 'detail', id] as const,
  history: (id: string) => [...contactKeys.all, 'history', id] as const,
};

const contactPath = (id: string) => `/api/v1/contacts/${encodeURIComponent(id)}`;

export const contactListQueryOptions = (filters: ContactFilters) =>
  infiniteQueryOptions({
    queryKey: contactKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<ContactPage>('/api/v1/contacts', { ...filters, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** A customer's contacts (a customer has few; one page of up to 200). */
export const customerContactsQueryOptions = (customerId: string) =>
  queryOptions({
    queryKey: contactKeys.byCustomer(customerId),
    queryFn: ({ signal }) =>
      api.get<ContactPage>(
        `/api/v1/customers/${encodeURIComponent(customerId)}/contacts`,
        { limit: 200 },
        signal,
      ),
  });

export const contactQueryOptions = (id: string) =>
  queryOptions({
    queryKey: contactKeys.detail(id),
    queryFn: ({ signal }) => api.get<Contact>(contactPath(id), undefined, signal),
  });

export const contactHistoryQueryOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: contactKeys.history(id),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: HistoryEntry[]; nextCursor: string | null }>(
        `${contactPath(id)}/history`,
        { limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const createContact = (body: CreateContact) => api.post<Contact>('/api/v1/contacts', body);
export const updateContact = (id: string, body: UpdateContact) => api.patch<Contact>(contactPath(id), body);
export const deleteContact = (id: string) => api.delete<{ ok: true }>(contactPath(id));
export const restoreContact = (id: string) => api.post<Contact>(`${contactPath(id)}/restore`, {});

/** Customers for the contact form's customer picker. */
export const searchCustomers = async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
  const page = await api.get<{ items: Customer[] }>('/api/v1/customers', { q, limit: 20 }, signal);
  return page.items.map((customer) => ({ value: customer.id, label: customer.name }));
};

export const customerLookupKey = ['contacts', 'lookup', 'customers'] as const;
