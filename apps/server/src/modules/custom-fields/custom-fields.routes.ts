import {
  createCustomFieldSchema,
  customFieldListQuerySchema,
  customFieldListSchema,
  customFieldParamsSchema,
  customFieldSchema,
  updateCustomFieldSchema,
} from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/auth/auth-plugin';
import { errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

export function customFieldsRoutes(app: FastifyInstance, { customFields }: Services) {
  const r = zodApp(app);
  const tags = ['custom fields'];
  r.get(
    '/api/v1/custom-fields',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Custom field definitions, in form order',
        querystring: customFieldListQuerySchema,
        response: { 200: customFieldListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: await customFields.list(
        actorOf(request),
        request.query.entity,
        request.query.includeArchived === 'true',
      ),
    }),
  );
  r.post(
    '/api/v1/custom-fields',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Define a custom field (administrators)',
        body: createCustomFieldSchema,
        response: { 201: customFieldSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await customFields.create(actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/custom-fields/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Change a custom field: label, options (added, relabelled), order, flags, archive',
        params: customFieldParamsSchema,
        body: updateCustomFieldSchema,
        response: { 200: customFieldSchema, ...errorResponses },
      },
    },
    async (request) => customFields.update(actorOf(request), request.params.id, request.body),
  );
}
