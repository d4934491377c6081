import { useMutation } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from './api-client';
import { parseWithSchema, showFormError } from './forms';

/** Form text: trimmed, and an empty field means "no value". */
export const formText = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** Only what the user changed goes into the PATCH (a cleaner history, fewer conflicts). */
export const changedFields = <R extends object>(
  payload: Record<string, unknown>,
  record: R,
): Record<string, unknown> => {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (value === undefined) continue;
    const before = (record as Record<string, unknown>)[key];
    if (JSON.stringify(value) !== JSON.stringify(before ?? null)) changes[key] = value;
  }
  return changes;
};

interface RecordSaveOptions<
  R extends { id: string; version: number },
  C extends z.ZodType,
  U extends z.ZodType,
> {
  /** Set: edit this record (PATCH of the changed fields with its version); unset: create one. */
  record: R | undefined;
  form: FormInstance;
  /** The form's fields: server errors on them show beside the field, others as a message. */
  fields: readonly string[];
  createSchema: C;
  updateSchema: U;
  create: (body: z.output<C>) => Promise<R>;
  update: (id: string, body: z.output<U>) => Promise<R>;
  /** After a save: update caches, say so, close. */
  onSaved: (result: R) => void;
  /** Someone else changed the record meanwhile (409): reload what is shown. */
  onStale: (record: R) => void;
  onClose: () => void;
  /** A save error the form handles itself (return true), e.g. a duplicate warning to confirm. */
  onSaveError?: (error: unknown) => boolean;
}

/**
 * The create-or-edit flow every record form shares: validate with the server's own schema, send
 * only the changes with the version that was read, show field errors where they belong, and on a
 * stale edit tell the user and reload instead of overwriting someone else's change.
 */
export const useRecordSave = <
  R extends { id: string; version: number },
  C extends z.ZodType,
  U extends z.ZodType,
>(
  options: RecordSaveOptions<R, C, U>,
) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { record, form } = options;

  // What was sent last: `resend` repeats it with extra fields (e.g. acknowledgeDuplicates).
  const lastSent = useRef<Record<string, unknown> | undefined>(undefined);

  const failed = (error: unknown) => {
    if (options.onSaveError?.(error)) return;
    if (record && isApiError(error) && error.code === 'STALE_RECORD') {
      void message.warning(t('common.staleRecord'), 6);
      options.onStale(record);
      options.onClose();
      return;
    }
    showFormError(error, form, message, options.fields);
  };

  const create = useMutation({ mutationFn: options.create, onSuccess: options.onSaved, onError: failed });
  const update = useMutation({
    mutationFn: (body: z.output<U>) => {
      if (!record) throw new Error('update without a record');
      return options.update(record.id, body);
    },
    onSuccess: options.onSaved,
    onError: failed,
  });

  const submit = (payload: Record<string, unknown>) => {
    if (record) {
      const changes = changedFields(payload, record);
      if (Object.keys(changes).length === 0) {
        options.onClose();
        return;
      }
      const body = parseWithSchema(
        options.updateSchema,
        { ...changes, version: record.version },
        form,
        message,
      );
      if (body) send(body);
    } else {
      const body = parseWithSchema(options.createSchema, payload, form, message);
      if (body) send(body);
    }
  };

  const send = (body: Record<string, unknown>) => {
    lastSent.current = body;
    if (record) update.mutate(body as z.output<U>);
    else create.mutate(body as z.output<C>);
  };

  /** Sends the last body again with `extra` merged in (after the user confirmed something). */
  const resend = (extra: Record<string, unknown>) => {
    if (lastSent.current) send({ ...lastSent.current, ...extra });
  };

  return { submit, resend, pending: create.isPending || update.isPending };
};
