import { AppError } from '../../platform/errors/app-error';
import { normalizeEmail } from '../../platform/normalize/email.normalize';
import { type CountryCode, normalizePhone } from '../../platform/normalize/phone.normalize';
import { normalizeRegion } from '../../platform/normalize/region.normalize';
import { cleanText } from '../../platform/normalize/text.normalize';

/** The customer fields every write path (form, API, import, web form) normalises the same way. */
export interface NormalizableCustomerFields {
  name?: string;
  phones?: string[];
  email?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
}

export type NormalizedCustomerFields = {
  name?: string;
  phones?: string[];
  email?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
};

/**
 * Names trimmed and folded to half-width, phones to E.164 (read in `phoneRegion` when they have no
 * +country prefix), emails lower-cased, regions checked against the bundled GB/T 2260 list. Only the
 * fields present are touched (an update sends some). Every wrong field is reported at once.
 */
export function normalizeCustomerFields(
  input: NormalizableCustomerFields,
  phoneRegion: CountryCode,
): NormalizedCustomerFields {
  const fields: Record<string, string> = {};
  const out: NormalizedCustomerFields = {};
  if (input.name !== undefined) {
    out.name = cleanText(input.name);
    if (!out.name) fields.name = 'required';
  }
  if (input.phones !== undefined) {
    const phones: string[] = [];
    input.phones.forEach((raw, index) => {
      const phone = normalizePhone(raw, phoneRegion);
      if (!phone) fields[`phones.${index}`] = 'phone';
      else if (!phones.includes(phone)) phones.push(phone);
    });
    out.phones = phones;
  }
  if (input.email !== undefined) {
    if (input.email === null || input.email.trim() === '') out.email = null;
    else {
      out.email = normalizeEmail(input.email);
      if (!out.email) fields.email = 'email';
    }
  }
  if (input.province !== undefined || input.city !== undefined || input.district !== undefined) {
    const region = normalizeRegion({
      province: input.province ?? null,
      city: input.city ?? null,
      district: input.district ?? null,
    });
    if (!region.ok) fields[region.field] = 'region';
    else {
      out.province = region.province;
      out.city = region.city;
      out.district = region.district;
    }
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', 400, {}, fields);
  return out;
}
