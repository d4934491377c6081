import type { ChangePasswordRequest, LoginRequest, MeResponse } from '@kehu/contracts';
import { api } from '../../../app/api-client';

export const login = (body: LoginRequest) =>
  api.post<MeResponse>('/api/v1/auth/login', body, { redirectOnUnauthorized: false });

export const logout = () =>
  api.post<{ ok: true }>('/api/v1/auth/logout', {}, { redirectOnUnauthorized: false });

export const changePassword = (body: ChangePasswordRequest) =>
  api.post<{ ok: true }>('/api/v1/auth/password', body, { redirectOnUnauthorized: false });
