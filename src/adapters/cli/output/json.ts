const bigintAsText = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

/**
 * JSON output: two-space indentation, a trailing newline, bigint as decimal strings.
 * Stringified without a replacer first (V8's fast path: a replacer costs a call per
 * key, seconds on a 40 MB scan); only a value holding a bigint, which then throws,
 * is stringified again with one.
 */
export function renderJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) + "\n";
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return JSON.stringify(value, bigintAsText, 2) + "\n";
  }
}

/**
 * The value JSON would give back with absent (undefined) values as null, so every
 * documented field is present: `JSON.parse(JSON.stringify(v, (_k, x) => x ?? null))`
 * for values without `null`-sensitive quirks, in one walk without a text in between.
 * Functions and symbols in objects are dropped, elsewhere null, as JSON does;
 * numbers that are not finite become null; `toJSON` is honoured; bigints stay.
 */
export function jsonData(value: unknown): unknown {
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value === null || typeof value !== "object") return value;
  const toJson = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === "function") return jsonData((toJson as () => unknown).call(value));
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = jsonData(value[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const x = (value as Record<string, unknown>)[k];
    if (typeof x === "function" || typeof x === "symbol") continue;
    // A key `__proto__` (from a label, say) stays a key, as JSON.parse makes it.
    if (k === "__proto__")
      Object.defineProperty(out, k, { value: jsonData(x), enumerable: true, writable: true, configurable: true });
    else out[k] = jsonData(x);
  }
  return out;
}
