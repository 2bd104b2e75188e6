/**
 * Test helper: reads the resource bodies back out of a generated Bicep file, for the subset bicep-writer.ts
 * writes (one object entry or array item a line; `'…'` strings with `\` escapes). A value that is not a literal
 * (a reference, a function call, a string with `${…}`) comes back as `{ expr: text }`; a string with
 * interpolation is marked `str: true`, since Bicep still types it as a string.
 */
export interface BicepExprValue {
  readonly expr: string;
  readonly str?: boolean;
}
export type BicepJson = null | boolean | number | string | BicepExprValue | BicepJson[] | { [k: string]: BicepJson };

export interface BicepResource {
  readonly symbol: string;
  /** `Microsoft.X/y@api-version`. */
  readonly type: string;
  readonly existing: boolean;
  readonly line: number;
  readonly body: { [k: string]: BicepJson };
}

const RESOURCE = /^\s*resource (\w+) '([^']+)'( existing)? = (?:if \(.*\) )?\{$/;

function unquote(s: string): string {
  return s.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => ({ n: "\n", r: "\r", t: "\t" })[c] ?? c);
}

function scalar(text: string): BicepJson {
  if (text === "true" || text === "false") return text === "true";
  if (text === "null") return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^'(?:[^'\\]|\\.)*'$/.test(text)) {
    const raw = text.slice(1, -1);
    return /(^|[^\\])\$\{/.test(raw) ? { expr: text, str: true } : unquote(text);
  }
  if (text === "{}") return {};
  if (text === "[]") return [];
  return { expr: text };
}

class Reader {
  i: number;
  constructor(
    readonly lines: readonly string[],
    start: number,
  ) {
    this.i = start;
  }

  next(): string {
    return (this.lines[this.i++] ?? "").trim();
  }

  value(text: string): BicepJson {
    if (text === "{") return this.object();
    if (text === "[") return this.array();
    return scalar(text);
  }

  object(): { [k: string]: BicepJson } {
    const out: { [k: string]: BicepJson } = {};
    for (let line = this.next(); line !== "}"; line = this.next()) {
      if (this.i > this.lines.length) throw new Error("unterminated object");
      if (line === "" || line.startsWith("//")) continue;
      const m = /^('(?:[^'\\]|\\.)*'|[A-Za-z_][A-Za-z0-9_]*): (.*)$/.exec(line);
      if (!m) throw new Error(`line ${this.i}: not an object entry: ${line}`);
      const key = m[1]!.startsWith("'") ? unquote(m[1]!) : m[1]!;
      out[key] = this.value(m[2]!);
    }
    return out;
  }

  array(): BicepJson[] {
    const out: BicepJson[] = [];
    for (let line = this.next(); line !== "]"; line = this.next()) {
      if (this.i > this.lines.length) throw new Error("unterminated array");
      if (line === "" || line.startsWith("//")) continue;
      out.push(this.value(line));
    }
    return out;
  }
}

/** Every `resource` declaration of a Bicep file with its parsed body. */
export function bicepResources(text: string): BicepResource[] {
  const lines = text.split("\n");
  const out: BicepResource[] = [];
  lines.forEach((line, i) => {
    const m = RESOURCE.exec(line);
    if (!m) return;
    const body = new Reader(lines, i + 1).object();
    out.push({ symbol: m[1]!, type: m[2]!, existing: m[3] !== undefined, line: i + 1, body });
  });
  return out;
}
