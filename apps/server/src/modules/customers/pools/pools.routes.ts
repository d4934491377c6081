import {
  assignSchema,
  claimSchema,
  createPoolSchema,
  idParamsSchema,
  lockSchema,
  okSchema,
  poolCustomersQuerySchema,
  pooledCustomerPageSchema,
  poolListSchema,
  poolMoveResultSchema,
  poolSchema,
  reclaimRunSchema,
  returnToPoolSchema,
  updatePoolSchema,
} from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../../platform/auth/auth-plugin';
import { errorResponses, zodApp } from '../../../platform/http';
import type { Services } from '../../services';

export function poolsRoutes(
  app: FastifyInstance,
  { pools, poolMoves, poolCustomers, poolReclaim }: Services,
) {
  const r = zodApp(app);
  const tags = ['public pools'];
  const auth = { auth: 'user' } as const;
  r.get(
    '/api/v1/pools',
    {
      config: auth,
      schema: {
        tags,
        summary: 'The public pools (公海) the caller may use',
        response: { 200: poolListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await pools.list(actorOf(request)) }),
  );
  r.post(
    '/api/v1/pools',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Define a pool with its departments, administrators and rules',
        body: createPoolSchema,
        response: { 201: poolSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await pools.create(actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/pools/:id',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Change a pool',
        params: idParamsSchema,
        body: updatePoolSchema,
        response: { 200: poolSchema, ...errorResponses },
      },
    },
    async (request) => pools.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/pools/:id',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Delete an empty pool',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await pools.delete(actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/v1/pools/:id/customers',
    {
      config: auth,
      schema: {
        tags,
        summary: "A pool's customers, newest first (phones masked where the pool says so)",
        params: idParamsSchema,
        querystring: poolCustomersQuerySchema,
        response: { 200: pooledCustomerPageSchema, ...errorResponses },
      },
    },
    async (request) => poolCustomers.list(actorOf(request), request.params.id, request.query),
  );
  r.post(
    '/api/v1/pools/claim',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Claim customers from their pools (quota, cooldown and cap apply)',
        body: claimSchema,
        response: { 200: poolMoveResultSchema, ...errorResponses },
      },
    },
    async (request) => poolMoves.claim(actorOf(request), request.body),
  );
  r.post(
    '/api/v1/pools/return',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Return customers to a pool, with a reason',
        body: returnToPoolSchema,
        response: { 200: poolMoveResultSchema, ...errorResponses },
      },
    },
    async (request) => poolMoves.returnToPool(actorOf(request), request.body),
  );
  r.post(
    '/api/v1/pools/:id/assign',
    {
      config: auth,
      schema: {
        tags,
        summary: "Assign a pool's customers to a user (pool administrators)",
        params: idParamsSchema,
        body: assignSchema,
        response: { 200: poolMoveResultSchema, ...errorResponses },
      },
    },
    async (request) => poolMoves.assign(actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/pools/reclaim',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Run the reclaim now (it also runs daily)',
        response: { 200: reclaimRunSchema, ...errorResponses },
      },
    },
    async (request) => poolReclaim.runNow(actorOf(request)),
  );
  r.put(
    '/api/v1/customers/:id/lock',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Lock a customer against reclaim, or unlock it (lock cap applies)',
        params: idParamsSchema,
        body: lockSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await poolMoves.setLocked(actorOf(request), request.params.id, request.body.locked);
      return { ok: true as const };
    },
  );
}
