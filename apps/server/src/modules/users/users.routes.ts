import {
  createUserSchema,
  idParamsSchema,
  okSchema,
  resetPasswordSchema,
  updateUserSchema,
  userListQuerySchema,
  userPageSchema,
  userSchema,
} from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/auth/auth-plugin';
import { errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

export function usersRoutes(app: FastifyInstance, { users }: Services) {
  const r = zodApp(app);
  const tags = ['users'];
  r.get(
    '/api/v1/users',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'List users (by name)',
        querystring: userListQuerySchema,
        response: { 200: userPageSchema, ...errorResponses },
      },
    },
    async (request) => users.list(actorOf(request), request.query),
  );
  r.get(
    '/api/v1/users/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'One user',
        params: idParamsSchema,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request) => users.get(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/users',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Create a user',
        body: createUserSchema,
        response: { 201: userSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await users.create(actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/users/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Change role, department, manager, name, or disable/enable',
        params: idParamsSchema,
        body: updateUserSchema,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request) => users.update(actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/users/:id/password',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: "Reset a user's password (signs them out everywhere)",
        params: idParamsSchema,
        body: resetPasswordSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await users.resetPassword(actorOf(request), request.params.id, request.body.password);
      return { ok: true as const };
    },
  );
}
