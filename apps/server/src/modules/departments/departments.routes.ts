import {
  createDepartmentSchema,
  departmentListSchema,
  departmentSchema,
  idParamsSchema,
  okSchema,
  updateDepartmentSchema,
} from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/auth/auth-plugin';
import { errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

export function departmentsRoutes(app: FastifyInstance, { departments }: Services) {
  const r = zodApp(app);
  const tags = ['departments'];
  r.get(
    '/api/v1/departments',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'All departments (a flat list; parentId makes the tree)',
        response: { 200: departmentListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await departments.list(actorOf(request)) }),
  );
  r.post(
    '/api/v1/departments',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Create a department',
        body: createDepartmentSchema,
        response: { 201: departmentSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await departments.create(actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/departments/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Rename or move a department',
        params: idParamsSchema,
        body: updateDepartmentSchema,
        response: { 200: departmentSchema, ...errorResponses },
      },
    },
    async (request) => departments.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/departments/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Delete an empty department',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await departments.delete(actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
