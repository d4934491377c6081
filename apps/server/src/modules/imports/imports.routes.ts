import fs from 'node:fs';
import {
  importListSchema,
  importParamsSchema,
  importPreviewSchema,
  importSchema,
  importSettingsSchema,
} from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-plugin';
import { AppError } from '../../platform/errors/app-error';
import { attachment, errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

export function importsRoutes(app: FastifyInstance, { imports }: Services) {
  const r = zodApp(app);
  const tags = ['imports'];
  r.post(
    '/api/v1/imports',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary:
          'Upload a CSV or xlsx file of customers: answers its headers, first rows and a proposed mapping',
        description:
          'multipart/form-data with one `file`. CSV in UTF-8 (with or without BOM), UTF-16 or GBK/GB18030 (detected); xlsx (first sheet). Nothing is imported until `start`.',
        consumes: ['multipart/form-data'],
        response: { 201: importSchema, 413: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw new AppError('VALIDATION_FAILED', 400, {}, { file: 'required' });
      const file = await request.file();
      if (!file) throw new AppError('VALIDATION_FAILED', 400, {}, { file: 'required' });
      return reply
        .status(201)
        .send(await imports.upload(actor, { filename: file.filename, stream: file.file }));
    },
  );
  r.get(
    '/api/v1/imports',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Recent imports (yours; all for administrators)',
        response: { 200: importListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await imports.list(actorOf(request)) }),
  );
  r.get(
    '/api/v1/imports/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'An import: mapping, progress and counts (poll it while it runs)',
        params: importParamsSchema,
        response: { 200: importSchema, ...errorResponses },
      },
    },
    async (request) => imports.get(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/imports/:id/preview',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary:
          'What the first rows would become with this mapping and duplicate policy (nothing is written)',
        params: importParamsSchema,
        body: importSettingsSchema,
        response: { 200: importPreviewSchema, ...errorResponses },
      },
    },
    async (request) => imports.preview(actorOf(request), request.params.id, request.body, request.locale),
  );
  r.post(
    '/api/v1/imports/:id/start',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Start the import in the background with this mapping and duplicate policy',
        params: importParamsSchema,
        body: importSettingsSchema,
        response: { 200: importSchema, ...errorResponses },
      },
    },
    async (request) => imports.start(actorOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/imports/:id/failed-rows',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'The rows that failed, with the reason per row (CSV)',
        params: importParamsSchema,
        produces: ['text/csv'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await imports.failedRowsFile(actorOf(request), request.params.id);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachment(file.fileName));
      // Streamed as it is: Fastify sends a stream without serialising it.
      return reply.send(fs.createReadStream(file.path) as unknown as string);
    },
  );
}
