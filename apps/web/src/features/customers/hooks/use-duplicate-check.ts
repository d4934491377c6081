import { type DuplicateCheckRequest, emailSchema, phoneSchema } from '@kehu/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { duplicateCheckQueryOptions } from '../api/duplicates-api';

interface DuplicateCheckInput {
  name?: string;
  phones?: (string | undefined)[];
  email?: string | null;
  /** The customer being edited (not its own duplicate). */
  excludeId?: string;
}

/** Only values the server would accept: a half-typed phone or email is not checked yet. */
const toRequest = ({
  name,
  phones,
  email,
  excludeId,
}: DuplicateCheckInput): DuplicateCheckRequest | undefined => {
  const trimmedName = name?.trim() ?? '';
  const validPhones = (phones ?? [])
    .map((phone) => phone?.trim() ?? '')
    .filter((phone) => phone !== '' && phoneSchema.safeParse(phone).success)
    .slice(0, 5);
  const trimmedEmail = email?.trim() ?? '';
  const validEmail = trimmedEmail && emailSchema.safeParse(trimmedEmail).success ? trimmedEmail : undefined;
  if (trimmedName.length < 2 && validPhones.length === 0 && !validEmail) return undefined;
  return {
    ...(trimmedName.length >= 2 ? { name: trimmedName } : {}),
    ...(validPhones.length > 0 ? { phones: validPhones } : {}),
    ...(validEmail ? { email: validEmail } : {}),
    ...(excludeId ? { excludeId } : {}),
  };
};

/**
 * Checks for likely duplicates while the user types (once typing pauses): lets a rep see that a
 * colleague already follows this customer before filling in the rest.
 */
export const useDuplicateCheck = (input: DuplicateCheckInput, enabled: boolean, delay = 600) => {
  const next = enabled ? toRequest(input) : undefined;
  const nextKey = next ? JSON.stringify(next) : '';
  const [request, setRequest] = useState<DuplicateCheckRequest | undefined>(undefined);

  useEffect(() => {
    const timer = window.setTimeout(
      () => setRequest(nextKey ? (JSON.parse(nextKey) as DuplicateCheckRequest) : undefined),
      delay,
    );
    return () => window.clearTimeout(timer);
  }, [nextKey, delay]);

  const query = useQuery({
    ...duplicateCheckQueryOptions(request ?? {}),
    enabled: request !== undefined && enabled,
  });
  // Cleared fields: no stale hint from what was typed before.
  return request && enabled ? query.data : undefined;
};
