import type { Locale } from '@kehu/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { translate } from '../i18n/messages';
import { AppError } from './app-error';
import { fieldsFromIssues, type IssueLike, issueLikeOf } from './validation-messages';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The caller's language: an explicit Accept-Language (the web app sends the language the user
     * chose), else the signed-in user's saved choice, else the organisation's default.
     */
    locale: Locale;
  }
}

function send(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
  details?: Record<string, unknown>,
) {
  return reply
    .status(status)
    .send({ error: { code, message, ...(fields ? { fields } : {}), ...(details ? { details } : {}) } });
}

const statusCodes: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'BAD_REQUEST',
  429: 'RATE_LIMITED',
};

/** One place maps errors to HTTP: services throw AppError, never HTTP errors (DESIGN.md §4). */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale ?? 'en';
    if (error instanceof AppError) {
      const fields = error.fields
        ? Object.fromEntries(
            Object.entries(error.fields).map(([field, key]) => [field, translate(locale, `fields.${key}`)]),
          )
        : undefined;
      return send(
        reply,
        error.status,
        error.code,
        translate(locale, `errors.${error.code}`, error.params),
        fields,
        error.details,
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: IssueLike[] = error.validation.map((entry) => ({
        code: entry.keyword,
        message: entry.message,
        path: entry.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        params: entry.params as Record<string, unknown>,
      }));
      return send(
        reply,
        400,
        'VALIDATION_FAILED',
        translate(locale, 'errors.VALIDATION_FAILED'),
        fieldsFromIssues(locale, issues),
      );
    }
    // A service's own schema check (a value built on the server, e.g. from a web-form submission)
    // is bad input too, never a 500.
    if (error instanceof ZodError) {
      return send(
        reply,
        400,
        'VALIDATION_FAILED',
        translate(locale, 'errors.VALIDATION_FAILED'),
        fieldsFromIssues(locale, error.issues.map(issueLikeOf)),
      );
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return send(reply, 500, 'INTERNAL', translate(locale, 'errors.INTERNAL'));
    }
    const code = statusCodes[status] ?? 'BAD_REQUEST';
    return send(reply, status, code, translate(locale, `errors.${code}`));
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, 'ROUTE_NOT_FOUND', translate(request.locale ?? 'en', 'errors.ROUTE_NOT_FOUND')),
  );
}
