/** How a tracked job (an import, an export, a scan) records that it failed: status, message, time. */
export const failureOf = (error: unknown, at: Date) => ({
  status: 'failed',
  error: error instanceof Error ? error.message.slice(0, 1000) : String(error).slice(0, 1000),
  finished_at: at.toISOString(),
});
