import { organizationSettingsSchema, updateOrganizationSettingsSchema } from '@kehu/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/auth/auth-plugin';
import { errorResponses, zodApp } from '../../platform/http';
import type { Services } from '../services';

export function organizationRoutes(app: FastifyInstance, { organization }: Services) {
  const r = zodApp(app);
  const tags = ['settings'];
  r.get(
    '/api/v1/settings/organization',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: "The organisation's name, default language and time zone",
        response: { 200: organizationSettingsSchema, ...errorResponses },
      },
    },
    async (request) => organization.getSettings(actorOf(request)),
  );
  r.patch(
    '/api/v1/settings/organization',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: "Change the organisation's name, default language or time zone (administrators)",
        body: updateOrganizationSettingsSchema,
        response: { 200: organizationSettingsSchema, ...errorResponses },
      },
    },
    async (request) => organization.updateSettings(actorOf(request), request.body),
  );
}
