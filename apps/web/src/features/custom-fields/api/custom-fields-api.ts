import type { CreateCustomField, CustomField, UpdateCustomField } from '@kehu/contracts';
import { api } from '../../../app/api-client';

export {
  customFieldKeys,
  customFieldsQueryOptions,
} from '../../../components/custom-fields/custom-fields-query';

const fieldPath = (id: string) => `/api/v1/custom-fields/${encodeURIComponent(id)}`;

export const createCustomField = (body: CreateCustomField) =>
  api.post<CustomField>('/api/v1/custom-fields', body);
export const updateCustomField = (id: string, body: UpdateCustomField) =>
  api.patch<CustomField>(fieldPath(id), body);
