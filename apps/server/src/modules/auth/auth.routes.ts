import {
  changePasswordRequestSchema,
  errorEnvelopeSchema,
  loginRequestSchema,
  meResponseSchema,
  okSchema,
  updateProfileRequestSchema,
} from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, clearSessionCookie, setSessionCookie } from '../../platform/auth/auth-plugin';
import { clientMeta, errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

export function authRoutes(
  app: FastifyInstance,
  services: Services,
  options: { secureCookies: boolean; loginRateLimitPerMinute: number },
) {
  const r = zodApp(app);
  r.post(
    '/api/v1/auth/login',
    {
      config: { auth: 'public', rateLimit: { max: options.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: loginRequestSchema,
        response: {
          200: meResponseSchema,
          ...errorResponses,
          423: errorEnvelopeSchema,
          429: errorEnvelopeSchema,
        },
      },
    },
    async (request, reply) => {
      const { token, me } = await services.auth.login(request.body, clientMeta(request));
      setSessionCookie(reply, token, options.secureCookies);
      return me;
    },
  );
  r.post(
    '/api/v1/auth/logout',
    {
      config: { auth: 'user' },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okSchema, ...errorResponses } },
    },
    async (request, reply) => {
      if (request.sessionId) await services.auth.logout(request.sessionId);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/v1/auth/me',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, their permissions and the CSRF token',
        response: { 200: meResponseSchema, ...errorResponses },
      },
    },
    async (request) => services.auth.me(actorOf(request), request.csrfToken ?? ''),
  );
  r.patch(
    '/api/v1/auth/me',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['auth'],
        summary: 'Change own name or language',
        body: updateProfileRequestSchema,
        response: { 200: meResponseSchema, ...errorResponses },
      },
    },
    async (request) => services.auth.updateProfile(actorOf(request), request.sessionId ?? '', request.body),
  );
  r.post(
    '/api/v1/auth/password',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['auth'],
        summary: 'Change own password (other sessions are signed out)',
        body: changePasswordRequestSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await services.auth.changePassword(actorOf(request), request.sessionId ?? '', request.body);
      return { ok: true as const };
    },
  );
}
