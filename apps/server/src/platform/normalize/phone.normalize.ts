/**
 * Phone numbers to E.164 with libphonenumber-js.
 *
 * We load the `max` metadata (~145 kB, once per process on the server): with the default `min` set,
 * `isValid()` only checks the length, so 11111111111 and a mobile missing a digit (1380013800) pass as
 * Chinese numbers — and every such junk value becomes a duplicate-detection key. `max` checks the
 * digits against each country's number ranges. Its cost is that ranges assigned after the installed
 * version are rejected, so the package has to be kept up to date.
 */
import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { cleanText } from './text.normalize';

export type { CountryCode };

// Nobody types a phone number this long; refuse early instead of handing it to the parser.
const maxInputLength = 64;

// Chinese extension markers ("010-88886666 转 123", "分机 12"); libphonenumber-js knows ext./x/#.
const chineseExtensionMarkers = /\s*(?:转|轉|分机|分機|内线|內線)\s*/g;
// "010-88886666-123": a hyphen before the extension is common on Chinese business cards. Only tried
// when the whole input is not a valid number, so "138-0013-8000" is never cut.
const trailingHyphenExtension = /^(.*\d)\s*-\s*\d{1,6}$/;

function parseValid(text: string, defaultRegion: CountryCode): string | null {
  const phone = parsePhoneNumberFromString(text, defaultRegion);
  // `number` is E.164 and never contains the extension: we keep one number per person, not per desk.
  return phone?.isValid() ? phone.number : null;
}

/**
 * E.164 (+8613800138000) for a number as people type it — spaces, hyphens, brackets, full-width
 * digits, 0086/+86 prefixes, an extension — or null when it is not a valid number. Numbers without a
 * country prefix are read as numbers of `defaultRegion`.
 */
export function normalizePhone(value: string, defaultRegion: CountryCode = 'CN'): string | null {
  const text = cleanText(value).replace(chineseExtensionMarkers, ' ext. ');
  if (!text || text.length > maxInputLength) return null;
  const whole = parseValid(text, defaultRegion);
  if (whole) return whole;
  const withoutExtension = trailingHyphenExtension.exec(text);
  return withoutExtension ? parseValid(withoutExtension[1] as string, defaultRegion) : null;
}

/** The digits of an E.164 number without the +, as stored in digit-only search and match keys. */
export function phoneDigitsKey(e164: string): string {
  return e164.startsWith('+') ? e164.slice(1) : e164;
}

/** Whether a configured default region (e.g. a setting) is a country libphonenumber-js knows. */
export function isCountryCode(value: string): value is CountryCode {
  return isSupportedCountry(value);
}

const chinaMobile = /^\+861[3-9]\d{9}$/;
/** Beijing (10) or a 2- or 3-digit area code from 2 to 9, except the 400/800/95 service ranges. */
const chinaLandline = /^\+86(?:10|(?!400|800|95)[2-9]\d)\d{7,9}$/;

/**
 * The digits people dial inside the country (01088886666 for +861088886666), so that a search for
 * the national form finds a stored E.164 number. Null for text that is not E.164.
 */
export function nationalDigits(e164: string): string | null {
  if (!e164.startsWith('+')) return null;
  // Mainland numbers without parsing (an import computes this for every phone of a million rows):
  // a mobile is dialled as stored, a landline with the trunk 0 before its area code; service
  // numbers (400, 800, 95…) have no trunk prefix and go through the library like the rest of the
  // world. The unit test checks the shortcut against the library for every prefix.
  if (chinaMobile.test(e164)) return e164.slice(3);
  if (chinaLandline.test(e164)) return `0${e164.slice(3)}`;
  const phone = parsePhoneNumberFromString(e164);
  return phone ? phone.formatNational().replace(/\D/g, '') : null;
}
