/**
 * Quoting for the three output languages. Values are checked before they get
 * here (`model.ts`); quoting is the second wall: whatever a string holds, the
 * quoted form is one literal word or string, never code.
 */

/**
 * One POSIX shell word: the value in single quotes, an embedded quote written as
 * `'\''`. Inside single quotes the shell expands nothing ($, backticks, \ are literal).
 */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:%,=@+-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A Bicep string literal: single quotes; `\`, `'` and `${` escaped, control
 * characters as escapes. https://learn.microsoft.com/azure/azure-resource-manager/bicep/data-types#strings (checked 2026-11-22).
 */
export function bicepString(value: string): string {
  const body = value
    .replace(/\\/g, "\\\\")
    .replace(/'/g, "\\'")
    .replace(/\$\{/g, "\\${")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t");
  return `'${body}'`;
}

/**
 * An HCL quoted template that is a plain literal: `"` and `\` escaped, `${` and
 * `%{` doubled so no interpolation or directive starts, control characters escaped.
 * https://developer.hashicorp.com/terraform/language/expressions/strings (checked 2026-11-22).
 */
export function hclString(value: string): string {
  const body = value
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\$\{/g, "$${")
    .replace(/%\{/g, "%%{")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t");
  return `"${body}"`;
}
