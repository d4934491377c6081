import {
  customerSchema,
  duplicateGroupListQuerySchema,
  duplicateGroupPageSchema,
  duplicateScanSchema,
  idParamsSchema,
  latestDuplicateScanSchema,
  mergeCustomersSchema,
  okSchema,
} from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/auth/auth-plugin';
import { errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

/** The duplicate scan, its groups, and merging. */
export function customerDuplicatesRoutes(
  app: FastifyInstance,
  { customerDuplicates, customerMerge }: Services,
) {
  const r = zodApp(app);
  const tags = ['customers'];
  r.post(
    '/api/v1/customers/duplicate-scans',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Scan all customers for groups of likely duplicates (background; one at a time)',
        response: { 200: duplicateScanSchema, ...errorResponses },
      },
    },
    async (request) => customerDuplicates.startScan(actorOf(request)),
  );
  r.get(
    '/api/v1/customers/duplicate-scans/latest',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'The latest duplicate scan',
        response: { 200: latestDuplicateScanSchema, ...errorResponses },
      },
    },
    async (request) => ({ scan: await customerDuplicates.latestScan(actorOf(request)) }),
  );
  r.get(
    '/api/v1/customers/duplicate-groups',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Open groups of likely duplicates, largest first (members the caller may see)',
        querystring: duplicateGroupListQuerySchema,
        response: { 200: duplicateGroupPageSchema, ...errorResponses },
      },
    },
    async (request) => customerDuplicates.listGroups(actorOf(request), request.query),
  );
  r.post(
    '/api/v1/customers/duplicate-groups/:id/dismiss',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Not duplicates: close the group; later scans do not propose these pairs again',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await customerDuplicates.dismiss(actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/v1/customers/merge',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Merge customers into a survivor, choosing the surviving value per field',
        description:
          'Contacts, team members and other records move to the survivor; phones and tags are combined; the merged customers go to the recycle bin marked as merged (they cannot be restored).',
        body: mergeCustomersSchema,
        response: { 200: customerSchema, ...errorResponses },
      },
    },
    async (request) => customerMerge.merge(actorOf(request), request.body),
  );
}
