import fs from 'node:fs';
import { createExportSchema, exportListSchema, exportParamsSchema, exportSchema } from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-plugin';
import { attachment, errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

export function exportsRoutes(app: FastifyInstance, { exports }: Services) {
  const r = zodApp(app);
  const tags = ['exports'];
  r.post(
    '/api/v1/exports',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Export the customer list with these filters to CSV or xlsx (runs in the background)',
        body: createExportSchema,
        response: { 201: exportSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await exports.create(actorOf(request), request.body)),
  );
  r.get(
    '/api/v1/exports',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Your recent exports',
        response: { 200: exportListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await exports.list(actorOf(request)) }),
  );
  r.get(
    '/api/v1/exports/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'An export: status and rows written (poll it until it succeeds)',
        params: exportParamsSchema,
        response: { 200: exportSchema, ...errorResponses },
      },
    },
    async (request) => exports.get(actorOf(request), request.params.id),
  );
  r.get(
    '/api/v1/exports/:id/download',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'The exported file (only for the user who asked for it)',
        params: exportParamsSchema,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await exports.file(actorOf(request), request.params.id);
      reply.header('content-type', file.contentType).header('content-disposition', attachment(file.fileName));
      // Streamed as it is: Fastify sends a stream without serialising it.
      return reply.send(fs.createReadStream(file.path) as unknown as string);
    },
  );
}
