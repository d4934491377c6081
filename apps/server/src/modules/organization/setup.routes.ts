import { meResponseSchema, setupRequestSchema, setupStatusSchema } from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { setSessionCookie } from '../../platform/auth/auth-plugin';
import { clientMeta, errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

export function setupRoutes(app: FastifyInstance, services: Services, secureCookies: boolean) {
  const r = zodApp(app);
  r.get(
    '/api/v1/setup/status',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['setup'],
        summary: 'Whether the first-run setup is still to be done',
        response: { 200: setupStatusSchema, ...errorResponses },
      },
    },
    async () => ({ needsSetup: await services.setup.needsSetup() }),
  );
  r.post(
    '/api/v1/setup',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['setup'],
        summary: 'Create the organisation and its administrator (once), and sign the administrator in',
        body: setupRequestSchema,
        response: { 201: meResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, me } = await services.setup.setup(request.body, clientMeta(request));
      setSessionCookie(reply, token, secureCookies);
      return reply.status(201).send(me);
    },
  );
}
