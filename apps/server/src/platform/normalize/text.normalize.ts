/**
 * Text cleaning shared by every write path (form, API, CSV import, public web forms).
 *
 * We fold full-width ASCII ourselves and use NFC rather than NFKC: NFKC would fold full-width too,
 * but it also rewrites characters people mean, in names we store and show as typed — ① → 1,
 * ™ → TM, ㈱ → (株), ² → 2, half-width katakana → full-width, … → ... . NFC only unifies
 * canonically equal sequences (é as one or two code points), which is never visible.
 */

// Non-global for `test`: a /g regex keeps `lastIndex` between calls.
const hasFullWidth = /[\uFF01-\uFF5E\u3000]/;
const fullWidthChars = /[\uFF01-\uFF5E]/g;
const ideographicSpaces = /\u3000/g;
// Offset between a full-width form (U+FF01–U+FF5E) and its ASCII twin (U+0021–U+007E).
const fullWidthOffset = 0xfee0;

// Pasted from web pages and Excel: zero-width space, word joiner, BOM, soft hyphen and control
// characters other than whitespace (tabs and newlines become spaces below). ZWJ/ZWNJ stay: emoji
// sequences and some scripts need them.
const invisibles = /(?![\t\n\v\f\r])[\p{Cc}\u200B\u2060\uFEFF\u00AD]/gu;
// `\s` covers tabs, newlines, NBSP (U+00A0), U+2000–U+200A, U+202F, U+205F and U+3000.
const whitespaceRuns = /\s+/g;

const toHalfWidth = (char: string) => String.fromCharCode(char.charCodeAt(0) - fullWidthOffset);

/** Full-width ASCII (Ａ１！＠) to half-width, the ideographic space U+3000 to a plain space. */
export function foldFullWidth(value: string): string {
  // Most input has nothing to fold: skip the two replaces (and their copies) then.
  if (!hasFullWidth.test(value)) return value;
  return value.replace(fullWidthChars, toHalfWidth).replace(ideographicSpaces, ' ');
}

/** A name as we store it: half-width ASCII, NFC, no invisible characters, single spaces, trimmed. */
export function cleanText(value: string): string {
  return foldFullWidth(value).normalize('NFC').replace(invisibles, '').replace(whitespaceRuns, ' ').trim();
}
