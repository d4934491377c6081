/**
 * CSV cells a spreadsheet would run as a formula (=, +, -, @, and tab or CR first) get a leading
 * apostrophe: a file we hand out never executes anything (CSV injection, OWASP). A number or a
 * phone number (+8613800138000, -12.5, +86 21 6123 4567 / +86 138…) is left as it is: made of
 * digits, signs, spaces and separators only, it cannot call a function — and every phone would
 * otherwise carry the apostrophe into the user's sheet.
 */
export function safeCell(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value) || numberLike.test(value)) return value;
  return `'${value}`;
}

const numberLike = /^[+-][\d\s().+/-]*\d[\d\s().+/-]*$/;

/** The cell as the user typed it, without the apostrophe safeCell put before a formula character. */
export function unguardedCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
