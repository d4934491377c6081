import {
  createWebFormSchema,
  idParamsSchema,
  okSchema,
  pageQueryShape,
  publicFormParamsSchema,
  publicSubmissionResultSchema,
  publicSubmissionSchema,
  publicWebFormSchema,
  updateWebFormSchema,
  webFormListSchema,
  webFormSchema,
  webFormSubmissionPageSchema,
} from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-plugin';
import { clientMeta, errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

export function webFormsRoutes(
  app: FastifyInstance,
  { webForms, webFormSubmissions }: Services,
  options: { submissionsPerMinute: number },
) {
  const r = zodApp(app);
  const tags = ['web forms'];
  const auth = { auth: 'user' } as const;
  r.get(
    '/api/v1/web-forms',
    {
      config: auth,
      schema: { tags, summary: 'Public web forms', response: { 200: webFormListSchema, ...errorResponses } },
    },
    async (request) => ({ items: await webForms.list(actorOf(request)) }),
  );
  r.post(
    '/api/v1/web-forms',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Build a public web form (administrators)',
        body: createWebFormSchema,
        response: { 201: webFormSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await webForms.create(actorOf(request), request.body)),
  );
  r.get(
    '/api/v1/web-forms/:id',
    {
      config: auth,
      schema: {
        tags,
        summary: 'A web form',
        params: idParamsSchema,
        response: { 200: webFormSchema, ...errorResponses },
      },
    },
    async (request) => webForms.get(actorOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/web-forms/:id',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Change a web form',
        params: idParamsSchema,
        body: updateWebFormSchema,
        response: { 200: webFormSchema, ...errorResponses },
      },
    },
    async (request) => webForms.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/web-forms/:id',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Delete a web form',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await webForms.delete(actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/v1/web-forms/:id/submissions',
    {
      config: auth,
      schema: {
        tags,
        summary: 'What was submitted through a form, newest first',
        params: idParamsSchema,
        querystring: z.strictObject(pageQueryShape),
        response: { 200: webFormSubmissionPageSchema, ...errorResponses },
      },
    },
    async (request) => webForms.submissions(actorOf(request), request.params.id, request.query),
  );

  // The public side: no session; rate-limited per address and small bodies only.
  r.get(
    '/api/v1/public/forms/:key',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'A form as the public page shows it',
        params: publicFormParamsSchema,
        response: { 200: publicWebFormSchema, ...errorResponses },
      },
    },
    async (request) => webFormSubmissions.publicForm(request.params.key),
  );
  r.post(
    '/api/v1/public/forms/:key/submissions',
    {
      config: { auth: 'public', rateLimit: { max: options.submissionsPerMinute, timeWindow: '1 minute' } },
      bodyLimit: 32 * 1024,
      schema: {
        tags,
        summary: 'Submit a public form',
        params: publicFormParamsSchema,
        body: publicSubmissionSchema,
        response: { 201: publicSubmissionResultSchema, 429: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) => {
      const meta = clientMeta(request);
      return reply.status(201).send(await webFormSubmissions.submit(request.params.key, request.body, meta));
    },
  );
}
