import {
  createCustomerSchema,
  customerListQuerySchema,
  customerPageSchema,
  customerSchema,
  duplicateCheckRequestSchema,
  duplicateCheckResultSchema,
  historyPageSchema,
  idParamsSchema,
  okSchema,
  pageQueryShape,
  updateCustomerSchema,
} from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-plugin';
import { errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

const historyQuerySchema = z.strictObject(pageQueryShape);

export function customersRoutes(app: FastifyInstance, { customers }: Services) {
  const r = zodApp(app);
  const tags = ['customers'];
  r.get(
    '/api/v1/customers',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'List customers the caller may see',
        description:
          'Filters combine with AND. `q` finds customers by any part of the name, phone or email (also 1–2 Chinese characters); search results come newest first and ignore `sort`. Pages are keyset: pass `nextCursor` back as `cursor`.',
        querystring: customerListQuerySchema,
        response: { 200: customerPageSchema, ...errorResponses },
      },
    },
    async (request) => customers.list(actorOf(request), request.query),
  );
  r.post(
    '/api/v1/customers/duplicate-check',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Likely duplicates of a customer being entered, with the verdict of the manual-entry rule',
        description:
          'Exact on normalised phones and emails (of customers and their contacts), fuzzy on the company name. Customers the caller may not open are named with their owner, without their id or other fields.',
        body: duplicateCheckRequestSchema,
        response: { 200: duplicateCheckResultSchema, ...errorResponses },
      },
    },
    async (request) => customers.identity.checkDuplicates(actorOf(request), request.body),
  );
  r.get(
    '/api/v1/customers/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'One customer',
        params: idParamsSchema,
        response: { 200: customerSchema, ...errorResponses },
      },
    },
    async (request) => customers.get(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/customers',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Create a customer',
        body: createCustomerSchema,
        response: { 201: customerSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await customers.create(actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/customers/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Change a customer (send the `version` you read; 409 when someone changed it since)',
        params: idParamsSchema,
        body: updateCustomerSchema,
        response: { 200: customerSchema, ...errorResponses },
      },
    },
    async (request) => customers.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/customers/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Move a customer to the recycle bin',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await customers.delete(actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/v1/customers/:id/restore',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Restore a customer from the recycle bin',
        params: idParamsSchema,
        response: { 200: customerSchema, ...errorResponses },
      },
    },
    async (request) => customers.restore(actorOf(request), request.params.id),
  );
  r.get(
    '/api/v1/customers/:id/history',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: "A customer's change history, newest first",
        params: idParamsSchema,
        querystring: historyQuerySchema,
        response: { 200: historyPageSchema, ...errorResponses },
      },
    },
    async (request) => customers.history(actorOf(request), request.params.id, request.query),
  );
}
