import { z } from 'zod';

/** Every error the API answers with has this envelope (DESIGN.md §4). */
export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      /** Field path (dot separated) → message in the caller's language. */
      fields: z.record(z.string(), z.string()).optional(),
      /** Machine-readable context, e.g. `duplicates` for DUPLICATE_WARNING / DUPLICATE_BLOCKED. */
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Codes shared by every module; modules add their own namespaced codes. */
export const commonErrorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'STALE_RECORD',
  'CSRF_INVALID',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
