/**
 * Cells a spreadsheet would run as a formula (=, +, -, @, and tab or CR first) get a leading
 * apostrophe: a file we hand out never executes anything (CSV injection, OWASP).
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
