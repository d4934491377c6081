import { cleanText } from './text.normalize';

// RFC 5321: a path is at most 256 octets including the angle brackets, so an address is at most 254.
const maxEmailLength = 254;
const maxLocalPartLength = 64;

const mailtoPrefix = /^mailto:/;
// "张三 <zs@example.com>" as Outlook and most CSV exports write it: the address is inside the brackets.
const bracketedAddress = /<([^<>]*)>$/;
/**
 * Deliberately not RFC 5322 (which allows quoted local parts, comments and IP literals nobody types
 * into a CRM): one @, no spaces or address punctuation, a dotted domain whose last label has 2+
 * characters, no empty labels. Unicode is allowed on both sides (中文@例子.中国 is a real address).
 */
const emailPattern =
  /^(?!\.)(?!.*\.\.)[^\s@<>()[\]\\,;:"]+(?<!\.)@(?:[^\s@<>()[\]\\,;:".]+\.)+[^\s@<>()[\]\\,;:".]{2,}$/u;

/**
 * The address lower-cased (local parts are case-sensitive in theory, never in practice, and duplicate
 * detection needs one spelling), or null when it is not a plausible address.
 */
export function normalizeEmail(value: string): string | null {
  let email = cleanText(value).toLowerCase();
  const bracketed = bracketedAddress.exec(email);
  if (bracketed) email = (bracketed[1] as string).trim();
  email = email.replace(mailtoPrefix, '');
  if (email.length > maxEmailLength || !emailPattern.test(email)) return null;
  if (email.indexOf('@') > maxLocalPartLength) return null;
  return email;
}
