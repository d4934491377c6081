import { dataQualitySettingsSchema } from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/auth/auth-plugin';
import { errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

export function settingsRoutes(app: FastifyInstance, { settings }: Services) {
  const r = zodApp(app);
  const tags = ['settings'];
  r.get(
    '/api/v1/settings/data-quality',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Phone region, duplicate rules per entry point and the name similarity threshold',
        response: { 200: dataQualitySettingsSchema, ...errorResponses },
      },
    },
    async (request) => settings.getDataQuality(actorOf(request)),
  );
  r.put(
    '/api/v1/settings/data-quality',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Change the data-quality settings (administrators)',
        body: dataQualitySettingsSchema,
        response: { 200: dataQualitySettingsSchema, ...errorResponses },
      },
    },
    async (request) => settings.updateDataQuality(actorOf(request), request.body),
  );
}
