/**
 * Test helper: how the az CLI's AAZ commands read a list-of-objects argument written in shorthand syntax's
 * "partial value" form (`[0].id=… [0].number-of-ip-addresses=…`), ported from Azure/azure-cli
 * `src/azure-cli-core/azure/cli/core/aaz/_utils.py` (`AAZShortHandSyntaxParser.partial_value_key_pattern`,
 * `split_partial_value`, `parse_partial_value_key`, and a simple value: `null`, `??` and single-quoted strings are
 * special) and `_arg_action.py` (`AAZListArgAction`: each value's key parts index the list and then the element's
 * option names; an element is created on first use), read 2026-12-07. Only what the generated scripts use: a
 * list whose elements are objects of simple (string) fields.
 */

/** The key pattern as azure-cli writes it (the last group is the value). */
const NAME = "(([a-zA-Z0-9_-]+)|('([^']*)'(/([^']*)')*))";
const PARTIAL_VALUE = new RegExp(
  `^(((\\[-?[0-9]+\\])|(${NAME}(\\[-?[0-9]+\\])?))(\\.${NAME}(\\[-?[0-9]+\\])?)*)=(.*)$`,
);

/** A key such as `[0].number-of-ip-addresses` as its parts: 0, "number-of-ip-addresses". */
function keyParts(key: string): (number | string)[] {
  const parts: (number | string)[] = [];
  let i = 0;
  while (i < key.length) {
    if (key[i] === "[") {
      const end = key.indexOf("]", i);
      if (end < 0) throw new Error(`expect character ']' in ${key}`);
      parts.push(Number.parseInt(key.slice(i + 1, end), 10));
      i = end + 1;
    } else {
      let j = i;
      while (j < key.length && key[j] !== "." && key[j] !== "[") j++;
      parts.push(key.slice(i, j));
      i = j;
    }
    if (key[i] === ".") i++;
  }
  return parts;
}

/** A simple value as AAZ reads it: `null` is None, `??` asks for help, a leading `'` starts a quoted string. */
function simpleValue(v: string): string {
  if (v === "null" || v === "??" || v.startsWith("'") || v === "")
    throw new Error(`value ${JSON.stringify(v)} is not read as the plain string it means`);
  return v;
}

/**
 * The list an AAZ list-of-objects argument receives from its values (the words after the flag), each element's
 * fields by the option names in `fields`; throws as az would refuse (an unknown field, a value that is no partial
 * value).
 */
export function aazObjectList(values: readonly string[], fields: readonly string[]): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const v of values) {
    const m = PARTIAL_VALUE.exec(v);
    if (!m) throw new Error(`${v} is not a partial value ({key}={value}); az would read it as a whole list`);
    const [index, field, ...rest] = keyParts(m[1] ?? "");
    if (typeof index !== "number" || typeof field !== "string" || rest.length > 0)
      throw new Error(`${v}: the key is not [index].field`);
    if (!fields.includes(field)) throw new Error(`${v}: unknown field ${field} (az knows ${fields.join(", ")})`);
    const at = index < 0 ? out.length + index : index;
    while (out.length <= at) out.push({});
    (out[at] as Record<string, string>)[field] = simpleValue(m[m.length - 1] ?? "");
  }
  return out;
}

/** The values of `flag` in one az call's arguments (the words after it up to the next `--flag`). */
export function flagValues(argv: readonly string[], flag: string): string[] | undefined {
  const i = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  if (i < 0) return undefined;
  const first = argv[i] as string;
  const out: string[] = first === flag ? [] : [first.slice(flag.length + 1)];
  for (let j = i + 1; j < argv.length && !(argv[j] as string).startsWith("--"); j++) out.push(argv[j] as string);
  return out;
}
