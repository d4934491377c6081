import { errorEnvelopeSchema } from '@kehu/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** Every route documents the error envelope for the statuses it can answer. */
export const errorResponses = {
  400: errorEnvelopeSchema,
  401: errorEnvelopeSchema,
  403: errorEnvelopeSchema,
  404: errorEnvelopeSchema,
  409: errorEnvelopeSchema,
  422: errorEnvelopeSchema,
} as const;

export const zodApp = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** Where a request came from, kept on sessions. */
export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export const clientMeta = (request: FastifyRequest): ClientMeta => ({
  ip: request.ip ?? null,
  userAgent: request.headers['user-agent'] ?? null,
});

export const created = <T>(reply: FastifyReply, body: T) => reply.status(201).send(body);

/** `filename*` (RFC 6266) keeps Chinese file names intact in every browser. */
export const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
