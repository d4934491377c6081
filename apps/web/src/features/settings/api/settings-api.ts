import type { DataQualitySettings, OrganizationSettings, UpdateOrganizationSettings } from '@kehu/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api-client';

export const settingsKeys = {
  all: ['settings'] as const,
  dataQuality: () => [...settingsKeys.all, 'data-quality'] as const,
};

const dataQualityPath = '/api/v1/settings/data-quality';

export const dataQualitySettingsQueryOptions = queryOptions({
  queryKey: settingsKeys.dataQuality(),
  queryFn: ({ signal }) => api.get<DataQualitySettings>(dataQualityPath, undefined, signal),
});

export const updateDataQualitySettings = (body: DataQualitySettings) =>
  api.put<DataQualitySettings>(dataQualityPath, body);

const organizationPath = '/api/v1/settings/organization';

export const organizationSettingsQueryOptions = queryOptions({
  queryKey: [...settingsKeys.all, 'organization'] as const,
  queryFn: ({ signal }) => api.get<OrganizationSettings>(organizationPath, undefined, signal),
});

export const updateOrganizationSettings = (body: UpdateOrganizationSettings) =>
  api.patch<OrganizationSettings>(organizationPath, body);
