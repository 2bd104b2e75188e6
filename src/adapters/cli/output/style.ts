/**
 * Colour for text output, without escape codes in the text itself. A formatter
 * paints with `paint`, which wraps the text in two Unicode noncharacters
 * (U+FDD0, U+FDD1: reserved by Unicode for a program's internal use); the
 * output boundary (`safe-text.ts`) first escapes every control character that
 * came from the inputs, then turns these marks into ANSI colour or drops them.
 * So an input can never reach the terminal as a control sequence, and our own
 * colour still can.
 */

/** The styles formatters use. */
export const STYLES = {
  bold: "\u001b[1m",
  red: "\u001b[31m",
  yellow: "\u001b[33m",
  green: "\u001b[32m",
  cyan: "\u001b[36m",
  boldYellow: "\u001b[1m\u001b[33m",
} as const;

export type Style = keyof typeof STYLES;

export const STYLE_START = "\uFDD0";
export const STYLE_END = "\uFDD1";

const NAMES = Object.keys(STYLES) as Style[];
/** Style ↔ the one character after STYLE_START that names it. */
const CODE = Object.fromEntries(NAMES.map((s, i) => [s, String.fromCharCode(0x61 + i)])) as Record<Style, string>;
export const SGR_OF_CODE: Readonly<Record<string, string>> = Object.fromEntries(NAMES.map((s) => [CODE[s], STYLES[s]]));

/** `text` in `style` when colour is on (styles do not nest: paint whole pieces). */
export function paint(style: Style, text: string): string {
  return `${STYLE_START}${CODE[style]}${text}${STYLE_END}`;
}
