import {
  customerLifecycleSchema,
  customerMembersSchema,
  idParamsSchema,
  memberParamsSchema,
  okSchema,
  putMemberSchema,
  tagCustomersResultSchema,
  tagCustomersSchema,
  transferCustomersSchema,
  transferResultSchema,
  typeCountsQuerySchema,
  typeCountsSchema,
} from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/auth/auth-plugin';
import { errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

/** Handover, tags on a selection, team members, the lifecycle log and counts per type. */
export function customerOwnershipRoutes(
  app: FastifyInstance,
  { customerTransfer, customerTagging, customerMembers, customerLifecycle }: Services,
) {
  const r = zodApp(app);
  const tags = ['customers'];
  r.post(
    '/api/v1/customers/transfer',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Hand customers over to another user (移交), with a reason logged per customer',
        body: transferCustomersSchema,
        response: { 200: transferResultSchema, ...errorResponses },
      },
    },
    async (request) => customerTransfer.transfer(actorOf(request), request.body),
  );
  r.post(
    '/api/v1/customers/tags',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Add tags to and remove tags from many customers at once',
        body: tagCustomersSchema,
        response: { 200: tagCustomersResultSchema, ...errorResponses },
      },
    },
    async (request) => customerTagging.tag(actorOf(request), request.body),
  );
  r.get(
    '/api/v1/customers/type-counts',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Customers per lifecycle type under the list filters (each count capped)',
        querystring: typeCountsQuerySchema,
        response: { 200: typeCountsSchema, ...errorResponses },
      },
    },
    async (request) => customerLifecycle.typeCounts(actorOf(request), request.query),
  );
  r.get(
    '/api/v1/customers/:id/lifecycle',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: "A customer's type changes and owner changes, newest first",
        params: idParamsSchema,
        response: { 200: customerLifecycleSchema, ...errorResponses },
      },
    },
    async (request) => customerLifecycle.lifecycle(actorOf(request), request.params.id),
  );
  r.get(
    '/api/v1/customers/:id/members',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: "A customer's team members (协作人)",
        params: idParamsSchema,
        response: { 200: customerMembersSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await customerMembers.list(actorOf(request), request.params.id) }),
  );
  r.put(
    '/api/v1/customers/:id/members/:userId',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Add a team member or change their access and expiry',
        params: memberParamsSchema,
        body: putMemberSchema,
        response: { 200: customerMembersSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: await customerMembers.put(
        actorOf(request),
        request.params.id,
        request.params.userId,
        request.body,
      ),
    }),
  );
  r.delete(
    '/api/v1/customers/:id/members/:userId',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Remove a team member',
        params: memberParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await customerMembers.remove(actorOf(request), request.params.id, request.params.userId);
      return { ok: true as const };
    },
  );
}
