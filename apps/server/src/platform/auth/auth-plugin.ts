import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../errors/app-error';
import { localeFromHeader } from '../i18n/messages';
import type { Actor } from '../permissions/actor';
import { CSRF_HEADER, SESSION_COOKIE, SESSION_TTL_MS, sessionIdOf, tokensEqual } from './session-token';
import type { SessionsRepository } from './sessions.repository';

/** Who may call a route. Every /api route must say it; the route-inventory test checks. */
export type RouteAccess = 'public' | 'user';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAccess;
  }
  interface FastifyRequest {
    actor?: Actor;
    sessionId?: string;
    csrfToken?: string;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/** The signed-in user; routes with `auth: 'user'` are guaranteed one by the guard. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 401);
  return request.actor;
}

export interface AuthPluginOptions {
  db: Kysely<Database>;
  sessions: SessionsRepository;
  now: () => Date;
  defaultLocale: () => Promise<'zh-CN' | 'en'>;
  secureCookies: boolean;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Resolves the session cookie to an actor, guards routes by their `auth` config (fail closed: an
 * /api route that does not declare access is refused), and checks the CSRF header on
 * cookie-authenticated writes.
 */
export function registerAuth(app: FastifyInstance, options: AuthPluginOptions) {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('sessionId', undefined);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('locale', 'en');

  app.addHook('onRequest', async (request) => {
    request.locale = localeFromHeader(request.headers['accept-language']) ?? (await options.defaultLocale());
    const access = request.routeOptions.config?.auth;
    const isApi = request.url.startsWith('/api/v1/');
    if (!access) {
      if (isApi && request.routeOptions.url) throw new AppError('FORBIDDEN', 403);
      return;
    }

    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const now = options.now();
      const found = await options.sessions.findActive(options.db, sessionIdOf(token), now.toISOString());
      if (found) {
        request.actor = found.actor;
        request.sessionId = found.sessionId;
        request.csrfToken = found.csrfToken;
        // Asking in a language (Accept-Language) wins: the web app sends the user's chosen one, an
        // API client its own; the saved choice serves clients that do not say (and background output).
        if (found.actor.locale && !request.headers['accept-language']) request.locale = found.actor.locale;
        if (now.getTime() - Date.parse(found.lastSeenAt) > TOUCH_INTERVAL_MS) {
          await options.sessions.touch(options.db, found.sessionId, now.toISOString());
        }
      }
    }

    if (access === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 401);
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !request.csrfToken || !tokensEqual(sent, request.csrfToken)) {
        throw new AppError('CSRF_INVALID', 403);
      }
    }
  });
}
