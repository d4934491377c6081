import type { MeResponse, SetupRequest } from '@kehu/contracts';
import { api } from '../../../app/api-client';

export const runSetup = (body: SetupRequest) => api.post<MeResponse>('/api/v1/setup', body);
