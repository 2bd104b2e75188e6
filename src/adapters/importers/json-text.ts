/** Scanning JSON text that `JSON.parse` accepted: strings and whitespace. */

/** The offset just past the string starting at `p` (a `"`). */
export function stringEnd(text: string, p: number): number {
  for (let i = p + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === '"') return i + 1;
  }
  return text.length;
}

/** The first offset at or after `p` that is not JSON whitespace. */
export function skipSpace(text: string, p: number): number {
  while (p < text.length && (text[p] === " " || text[p] === "\n" || text[p] === "\r" || text[p] === "\t")) p++;
  return p;
}
