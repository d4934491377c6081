import {
  createSegmentSchema,
  customerPageSchema,
  okSchema,
  pageQueryShape,
  putTagSchema,
  segmentCountSchema,
  segmentListSchema,
  segmentParamsSchema,
  segmentSchema,
  tagListSchema,
  tagParamsSchema,
  updateSegmentSchema,
} from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../../platform/auth/auth-plugin';
import { errorResponses, zodApp } from '../../../platform/http';
import type { Services } from '../../services';

export function segmentsRoutes(app: FastifyInstance, { tags: tagsService, segments }: Services) {
  const r = zodApp(app);
  const auth = { auth: 'user' } as const;
  const tags = ['tags and segments'];
  r.get(
    '/api/v1/tags',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Tag colours and descriptions',
        response: { 200: tagListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: await tagsService.list(actorOf(request)),
    }),
  );
  r.put(
    '/api/v1/tags/:name',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Colour a tag, or rename it on every customer (administrators)',
        params: tagParamsSchema,
        body: putTagSchema,
        response: { 200: tagListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: await tagsService.put(actorOf(request), request.params.name, request.body),
    }),
  );
  r.delete(
    '/api/v1/tags/:name',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Remove a tag from every customer (administrators)',
        params: tagParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await tagsService.delete(actorOf(request), request.params.name);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/v1/segments',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Your saved views and those shared with your department',
        response: { 200: segmentListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: await segments.list(actorOf(request)),
    }),
  );
  r.post(
    '/api/v1/segments',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Save the customer list query as a named view / segment',
        body: createSegmentSchema,
        response: { 201: segmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await segments.create(actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/segments/:id',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Change a saved view (its owner)',
        params: segmentParamsSchema,
        body: updateSegmentSchema,
        response: { 200: segmentSchema, ...errorResponses },
      },
    },
    async (request) => segments.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/segments/:id',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Delete a saved view (its owner)',
        params: segmentParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await segments.delete(actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/v1/segments/:id/members',
    {
      config: auth,
      schema: {
        tags,
        summary: 'The customers in a segment now, as you may see them',
        params: segmentParamsSchema,
        querystring: z.strictObject(pageQueryShape),
        response: { 200: customerPageSchema, ...errorResponses },
      },
    },
    async (request) => segments.members(actorOf(request), request.params.id, request.query),
  );
  r.get(
    '/api/v1/segments/:id/count',
    {
      config: auth,
      schema: {
        tags,
        summary: 'How many customers are in a segment now (capped)',
        params: segmentParamsSchema,
        response: { 200: segmentCountSchema, ...errorResponses },
      },
    },
    async (request) => segments.count(actorOf(request), request.params.id),
  );
}
