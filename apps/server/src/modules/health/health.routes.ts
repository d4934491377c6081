import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { DatabaseHandle } from '../../db/database';
import { zodApp } from '../../platform/http';

const healthSchema = z.object({ status: z.enum(['ok', 'error']) });

export function healthRoutes(app: FastifyInstance, database: DatabaseHandle) {
  zodApp(app).get(
    '/api/health',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness with the database reachable',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(database.db);
        return { status: 'ok' as const };
      } catch (error) {
        request.log.error({ err: error }, 'health check failed');
        return reply.status(503).send({ status: 'error' as const });
      }
    },
  );
}
