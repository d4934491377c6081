import {
  contactListQuerySchema,
  contactPageSchema,
  contactSchema,
  createContactSchema,
  historyPageSchema,
  idParamsSchema,
  okSchema,
  pageQueryShape,
  updateContactSchema,
} from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-plugin';
import { errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

const pageQuerySchema = z.strictObject(pageQueryShape);

export function contactsRoutes(app: FastifyInstance, { contacts }: Services) {
  const r = zodApp(app);
  const tags = ['contacts'];
  r.get(
    '/api/v1/contacts',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'List contacts of customers the caller may see',
        querystring: contactListQuerySchema,
        response: { 200: contactPageSchema, ...errorResponses },
      },
    },
    async (request) => contacts.list(actorOf(request), request.query),
  );
  r.get(
    '/api/v1/customers/:id/contacts',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: "A customer's contacts",
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: contactPageSchema, ...errorResponses },
      },
    },
    async (request) => contacts.list(actorOf(request), { ...request.query, customerId: request.params.id }),
  );
  r.get(
    '/api/v1/contacts/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'One contact',
        params: idParamsSchema,
        response: { 200: contactSchema, ...errorResponses },
      },
    },
    async (request) => contacts.get(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/contacts',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Create a contact',
        body: createContactSchema,
        response: { 201: contactSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await contacts.create(actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/contacts/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Change a contact (send the `version` you read)',
        params: idParamsSchema,
        body: updateContactSchema,
        response: { 200: contactSchema, ...errorResponses },
      },
    },
    async (request) => contacts.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/contacts/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Move a contact to the recycle bin',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await contacts.delete(actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/v1/contacts/:id/restore',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Restore a contact',
        params: idParamsSchema,
        response: { 200: contactSchema, ...errorResponses },
      },
    },
    async (request) => contacts.restore(actorOf(request), request.params.id),
  );
  r.get(
    '/api/v1/contacts/:id/history',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: "A contact's change history",
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: historyPageSchema, ...errorResponses },
      },
    },
    async (request) => contacts.history(actorOf(request), request.params.id, request.query),
  );
}
