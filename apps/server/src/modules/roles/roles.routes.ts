import {
  createRoleSchema,
  idParamsSchema,
  okSchema,
  roleListSchema,
  roleSchema,
  updateRoleSchema,
} from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/auth/auth-plugin';
import { errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

export function rolesRoutes(app: FastifyInstance, { roles }: Services) {
  const r = zodApp(app);
  const tags = ['roles'];
  r.get(
    '/api/v1/roles',
    {
      config: { auth: 'user' },
      schema: { tags, summary: 'All roles', response: { 200: roleListSchema, ...errorResponses } },
    },
    async (request) => ({ items: await roles.list(actorOf(request)) }),
  );
  r.get(
    '/api/v1/roles/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'One role',
        params: idParamsSchema,
        response: { 200: roleSchema, ...errorResponses },
      },
    },
    async (request) => roles.get(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/roles',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Create a role',
        body: createRoleSchema,
        response: { 201: roleSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await roles.create(actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/roles/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Change a role',
        params: idParamsSchema,
        body: updateRoleSchema,
        response: { 200: roleSchema, ...errorResponses },
      },
    },
    async (request) => roles.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/roles/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Delete a role without users',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await roles.delete(actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
