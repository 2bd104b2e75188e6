/**
 * The one place where text becomes terminal output. Every character that could
 * control a terminal (C0 controls but tab and newline, DEL, C1 controls, and the
 * bidirectional overrides that reorder what is shown) is written as a visible
 * `\uXXXX` escape, so a plan name or a cluster's label can neither clear the
 * screen nor hide or reorder text. The escape is the JSON one, so JSON output
 * stays valid JSON with the same values. Colour marks from `style.ts` then
 * become ANSI codes (colour on) or nothing.
 */
import { colorEnabled, type Io } from "../io.js";
import { SGR_OF_CODE, STYLE_END, STYLE_START } from "./style.js";

// C0 but \t and \n; DEL; C1; ALM; LRE..RLO; LRI..PDI; and the style marks (handled after).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u202a-\u202e\u2066-\u2069\ufdd0\ufdd1]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u202a-\u202e\u2066-\u2069]/g;
const MARKS = new RegExp(`${STYLE_START}([a-z])?|${STYLE_END}`, "g");
const RESET = "\u001b[0m";

/** Whether `text` holds a character the output boundary escapes (or a colour mark). */
export function hasUnsafe(text: string): boolean {
  return UNSAFE.test(text);
}

/** `\u001b` for ESC: the visible escape of one unsafe character. */
export function escapeControl(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** Escapes the controls in `text` and applies (or removes) the colour marks. */
export function safeText(text: string, color: boolean): string {
  if (!UNSAFE.test(text)) return text;
  const escaped = text.replace(CONTROLS, escapeControl);
  return escaped.replace(MARKS, (_m, code: string | undefined) =>
    !color ? "" : code === undefined ? (_m === STYLE_END ? RESET : "") : (SGR_OF_CODE[code] ?? ""),
  );
}

/**
 * The `Io` a command gets: what it writes to standard output and standard error
 * passes through `safeText` (colour on standard output only, when enabled).
 */
export function safeIo(io: Io): Io {
  const color = colorEnabled(io);
  return {
    out: (text) => io.out(safeText(text, color)),
    err: (text) => io.err(safeText(text, false)),
    stdin: () => io.stdin(),
    get isTTY() {
      return io.isTTY;
    },
    env: io.env,
    cwd: io.cwd,
    ...(io.nodeVersion !== undefined ? { nodeVersion: io.nodeVersion } : {}),
  };
}
