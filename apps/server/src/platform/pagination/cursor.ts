import { AppError } from '../errors/app-error';

export type CursorValue = string | number | null;

/** Opaque to clients: base64url of the last row's sort key. */
export const encodeCursor = (values: CursorValue[]): string =>
  Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

export function decodeCursor(cursor: string, length: number): CursorValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((value) => value === null || typeof value === 'string' || typeof value === 'number')
    ) {
      return values as CursorValue[];
    }
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

/** The 400 for a cursor that is not one of ours (also for a decoded cursor of the wrong shape). */
export const invalidCursor = () => new AppError('INVALID_CURSOR', 400, {}, { cursor: 'invalid' });
