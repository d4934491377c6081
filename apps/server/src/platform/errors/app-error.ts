/**
 * The one error class services throw (DESIGN.md §4). `code` decides the HTTP status and the
 * translated message; `params` fill the message; `fields` name the offending input fields.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly fields?: Record<string, string>,
    /** Sent as `error.details`: context a client acts on (e.g. the duplicates it may override). */
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (code = 'NOT_FOUND') => new AppError(code, 404);
export const forbidden = (code = 'FORBIDDEN') => new AppError(code, 403);
export const conflict = (code: string, params?: Record<string, string | number>) =>
  new AppError(code, 409, params);
export const staleRecord = () => new AppError('STALE_RECORD', 409);
/** A business rule refused the request (DESIGN.md: 422). */
export const ruleViolation = (code: string, params?: Record<string, string | number>) =>
  new AppError(code, 422, params);
/** An input field is wrong in a way a schema cannot see (e.g. an unknown role id). */
export const invalidField = (field: string, code: string) =>
  new AppError('VALIDATION_FAILED', 400, {}, { [field]: code });
