/** Optional text from a form: `undefined` stays "not sent", an empty string means "no value". */
export const emptyToNull = (value: string | null | undefined) =>
  value === undefined ? undefined : value || null;
