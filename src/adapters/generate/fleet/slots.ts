/**
 * Turning several clusters' generated files into one module and a value table:
 * the lines of each cluster's output are compared position by position; clusters
 * whose outputs differ only in literal values share a module, in which every
 * literal that differs between them (and every name and range, which are the
 * cluster's own) becomes a variable, and the others stay as written. The same
 * for Terraform and Bicep: a `Dialect` says which lines hold literal values.
 */

/** A literal value at one line of a generated file. */
export interface Slot {
  /** Line index in the file. */
  readonly line: number;
  /** The variable's name (Terraform: snake_case; Bicep: camelCase). */
  readonly name: string;
  /** The attribute or property key (decides whether it is always a variable). */
  readonly key: string;
  /** Text before the value (indent, key, `=` or `:`). */
  readonly head: string;
  readonly value: string;
}

export interface Dialect {
  /** The literal-valued lines of a file, each with a variable name unique in the file. */
  slots(lines: readonly string[]): Slot[];
  /** Whether a slot is always a variable: the cluster's own names and ranges. */
  own(slot: Slot): boolean;
}

/** A file split into its literal slots and its shape (the text with every literal blanked). */
export interface Shaped {
  readonly lines: readonly string[];
  readonly slots: readonly Slot[];
  readonly shape: string;
}

export function shapeOf(text: string, d: Dialect): Shaped {
  const lines = text.split("\n");
  const slots = d.slots(lines);
  const blank = [...lines];
  for (const s of slots) blank[s.line] = `${s.head}\u0000${s.name}`;
  return { lines, slots, shape: blank.join("\n") };
}

/** Groups items by equal shape, in first-seen order. */
export function groupByShape<T extends { readonly shaped: Shaped }>(items: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const g = groups.get(it.shaped.shape);
    if (g) g.push(it);
    else groups.set(it.shaped.shape, [it]);
  }
  return [...groups.values()];
}

/** The slots of a group that are variables: the cluster's own keys, and every value that differs in the group. */
export function variableSlots(group: readonly Shaped[], d: Dialect): Set<number> {
  const first = group[0]!;
  const out = new Set<number>();
  first.slots.forEach((s, i) => {
    if (d.own(s) || group.some((g) => g.slots[i]!.value !== s.value)) out.add(i);
  });
  return out;
}
