import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'kehu_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const newToken = () => randomBytes(32).toString('base64url');

/** Sessions are stored by the SHA-256 of their token. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
