import { notificationPageSchema, okSchema } from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-plugin';
import { errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
const readBody = z.strictObject({ ids: z.array(z.uuid()).max(200).optional() });

/** The signed-in user's own notifications. */
export function notificationsRoutes(app: FastifyInstance, { notifier }: Services) {
  const r = zodApp(app);
  const tags = ['notifications'];
  r.get(
    '/api/v1/notifications',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Your notifications, newest first',
        querystring: listQuery,
        response: { 200: notificationPageSchema, ...errorResponses },
      },
    },
    async (request) => notifier.list(actorOf(request).id, request.query),
  );
  r.post(
    '/api/v1/notifications/read',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Mark notifications read (all when no ids are sent)',
        body: readBody,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await notifier.markRead(actorOf(request).id, request.body.ids ?? 'all');
      return { ok: true as const };
    },
  );
}
