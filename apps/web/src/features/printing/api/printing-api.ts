import type { Contact, ContactPage, Customer, CustomerPage } from '@kehu/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../app/api-client';

/** A printout holds at most this many customers; more is not a list anyone reads on paper. */
export const printRowCap = 5000;
/** The API's largest page. */
const pageSize = 200;
/**
 * Primary contacts come one request per customer (the list API does not carry them), so they are
 * fetched only for short lists; longer printouts name the customer alone.
 */
export const primaryContactCap = 50;
const contactConcurrency = 4;

export interface PrintCustomers {
  items: Customer[];
  /** More customers match than the printout holds. */
  capped: boolean;
}

export const printingKeys = {
  all: ['printing'] as const,
  customers: (query: QueryParams) => [...printingKeys.all, 'customers', query] as const,
  contacts: (customerIds: string[]) => [...printingKeys.all, 'contacts', customerIds] as const,
};

/** The whole filtered list, page by page, up to the cap. */
export const printCustomersQueryOptions = (query: QueryParams, onProgress?: (loaded: number) => void) =>
  queryOptions({
    queryKey: printingKeys.customers(query),
    queryFn: async ({ signal }): Promise<PrintCustomers> => {
      const items: Customer[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<CustomerPage>(
          '/api/v1/customers',
          { ...query, limit: Math.min(pageSize, printRowCap - items.length), cursor },
          signal,
        );
        items.push(...page.items);
        onProgress?.(items.length);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < printRowCap);
      return { items, capped: Boolean(cursor) };
    },
    staleTime: 0,
    gcTime: 60_000,
    refetchOnWindowFocus: false,
  });

/** The primary contact of each customer (by customer id), a few requests at a time. */
export const primaryContactsQueryOptions = (customerIds: string[]) =>
  queryOptions({
    queryKey: printingKeys.contacts(customerIds),
    queryFn: async ({ signal }) => {
      const result = new Map<string, Contact>();
      let next = 0;
      const worker = async () => {
        while (next < customerIds.length) {
          const customerId = customerIds[next] as string;
          next += 1;
          const page = await api.get<ContactPage>('/api/v1/contacts', { customerId, limit: 50 }, signal);
          const primary = page.items.find((contact) => contact.isPrimary);
          if (primary) result.set(customerId, primary);
        }
      };
      await Promise.all(Array.from({ length: contactConcurrency }, worker));
      return result;
    },
    enabled: customerIds.length > 0 && customerIds.length <= primaryContactCap,
    staleTime: 0,
    gcTime: 60_000,
    refetchOnWindowFocus: false,
  });
