/**
 * ARM deployment templates (`$schema` …deploymentTemplate.json): their
 * resources of a type, as an array (classic) or a map of symbolic names
 * (`languageVersion: 2.0`, what Bicep writes with user-defined types), with
 * child resources nested in a parent's `resources`; and the few template
 * expressions a network plan needs evaluated: `parameters('x')` (its
 * `defaultValue`), `variables('x')` with property access, `concat(…)` and
 * `format('{0}/{1}', …)` of those and string literals. Any other expression
 * (`resourceGroup().location`, `reference(…)`) is not known until deployment
 * and is left out. Evaluation is bounded: variables that refer to each other
 * stop after a fixed depth.
 *
 * Template syntax: https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax,
 * template-functions-string (concat, format), template-functions-deployment (parameters, variables),
 * child-resource-name-type (nested `resources`, type and name segments); checked 2026-12-06.
 */
import { field, isObj, literal, type Obj } from "./builder.js";
import type { SourcePath } from "./source-map.js";

const TYPES = {
  cluster: "microsoft.containerservice/managedclusters",
  agentPool: "microsoft.containerservice/managedclusters/agentpools",
  vnet: "microsoft.network/virtualnetworks",
} as const;
export type TemplateResourceKind = keyof typeof TYPES;

export interface TemplateResource {
  readonly o: Obj;
  readonly at: SourcePath;
  /** The name's segments after evaluation (`cluster/pool` → ["cluster", "pool"]); empty when not known. */
  readonly name: readonly string[];
}

/** Reports whether the value is an ARM deployment template holding a managed cluster. */
export function isArmTemplate(v: unknown): boolean {
  return (
    isObj(v) &&
    typeof v["$schema"] === "string" &&
    /deploymentTemplate/i.test(v["$schema"]) &&
    templateResources(v, "cluster").length > 0
  );
}

/** Every resource object with its full type (a nested child's type is its parent's plus its own) and path. */
function allResources(template: Obj): { o: Obj; at: SourcePath; type: string; parentName: readonly string[] }[] {
  const out: { o: Obj; at: SourcePath; type: string; parentName: readonly string[] }[] = [];
  const visit = (list: unknown, at: SourcePath, parentType: string, parentName: readonly string[], depth: number) => {
    if (depth > 4) return;
    const entries: [string | number, unknown][] = Array.isArray(list)
      ? list.map((r, i): [number, unknown] => [i, r])
      : isObj(list)
        ? Object.entries(list)
        : [];
    for (const [key, r] of entries) {
      const type = field(r, "type")?.value;
      if (!isObj(r) || typeof type !== "string") continue;
      const full = (parentType ? `${parentType}/${type}` : type).toLowerCase();
      const rat: SourcePath = [...at, key];
      out.push({ o: r, at: rat, type: full, parentName });
      const kids = field(r, "resources");
      if (kids) visit(kids.value, [...rat, kids.key], full, nameSegments(template, r), depth + 1);
    }
  };
  visit(template["resources"], ["resources"], "", [], 0);
  return out;
}

function nameSegments(template: Obj, r: Obj): string[] {
  const v = evaluate(field(r, "name")?.value, template);
  return typeof v === "string" ? v.split("/").filter((s) => s !== "") : [];
}

/** The resources of one kind, with their source paths and evaluated names. */
export function templateResources(template: unknown, kind: TemplateResourceKind): TemplateResource[] {
  if (!isObj(template)) return [];
  return allResources(template)
    .filter((r) => r.type === TYPES[kind])
    .map((r) => ({ o: r.o, at: r.at, name: [...r.parentName, ...nameSegments(template, r.o)] }));
}

/**
 * A copy of `value` with every expression this module can evaluate replaced by its value; other expressions
 * stay (and are then left out as unknown until deployment).
 */
export function withParameterDefaults(value: unknown, template: Obj): unknown {
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > 64) return v;
    if (typeof v === "string") {
      const x = evaluate(v, template);
      return x === undefined ? v : x;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, depth + 1)]));
    return v;
  };
  return walk(value, 0);
}

/** A template string's value: literal text as is, an expression evaluated, undefined when it cannot be. */
export function evaluate(v: unknown, template: Obj, depth = 0): unknown {
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (!/^\[.*\]$/s.test(t)) return v;
  if (t.startsWith("[[")) return v.slice(1); // "[[" escapes a literal "["
  return new Expr(t.slice(1, -1), template, depth).value();
}

const UNKNOWN = Symbol("unknown");

/** A recursive-descent reader of the expression subset above. */
class Expr {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly template: Obj,
    private readonly depth: number,
  ) {}

  value(): unknown {
    if (this.depth > 8) return undefined;
    const v = this.term();
    this.space();
    return v === UNKNOWN || this.i !== this.s.length ? undefined : v;
  }

  private space() {
    while (this.s[this.i] === " ") this.i++;
  }

  private term(): unknown {
    this.space();
    let v = this.primary();
    for (;;) {
      if (this.s[this.i] === ".") {
        this.i++;
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
        if (!m) return UNKNOWN;
        this.i += m[0].length;
        v = v !== UNKNOWN && isObj(v) ? (field(v, m[0])?.value ?? UNKNOWN) : UNKNOWN;
        if (v !== UNKNOWN) v = evaluate(v, this.template, this.depth + 1) ?? UNKNOWN;
      } else return v;
    }
  }

  private primary(): unknown {
    if (this.s[this.i] === "'") return this.string();
    const num = /^-?[0-9]+/.exec(this.s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    const fn = /^([A-Za-z][A-Za-z0-9]*)\s*\(/.exec(this.s.slice(this.i));
    if (!fn) return UNKNOWN;
    this.i += fn[0].length;
    const args: unknown[] = [];
    this.space();
    if (this.s[this.i] !== ")") {
      for (;;) {
        args.push(this.term());
        this.space();
        if (this.s[this.i] === ",") this.i++;
        else break;
      }
    }
    this.space();
    if (this.s[this.i] !== ")") return UNKNOWN;
    this.i++;
    return this.call(fn[1]!.toLowerCase(), args);
  }

  private string(): string | typeof UNKNOWN {
    let out = "";
    for (this.i++; this.i < this.s.length; this.i++) {
      if (this.s[this.i] === "'") {
        if (this.s[this.i + 1] === "'") {
          out += "'";
          this.i++;
        } else {
          this.i++;
          return out;
        }
      } else out += this.s[this.i];
    }
    return UNKNOWN;
  }

  private call(name: string, args: unknown[]): unknown {
    if (args.some((a) => a === UNKNOWN)) return UNKNOWN;
    if (name === "parameters" && typeof args[0] === "string") {
      const p = field(this.template["parameters"], args[0])?.value;
      const d = isObj(p) ? field(p, "defaultValue")?.value : undefined;
      const v = evaluate(d, this.template, this.depth + 1);
      return literal(v) === undefined ? UNKNOWN : v;
    }
    if (name === "variables" && typeof args[0] === "string") {
      const v = field(this.template["variables"], args[0])?.value;
      const x = evaluate(v, this.template, this.depth + 1);
      return x === undefined || literal(x) === undefined ? UNKNOWN : x;
    }
    if (name === "concat" && args.every((a) => typeof a === "string" || typeof a === "number"))
      return args.map(String).join("");
    if (name === "format" && typeof args[0] === "string") {
      const rest = args.slice(1);
      if (!rest.every((a) => typeof a === "string" || typeof a === "number")) return UNKNOWN;
      return args[0].replace(/\{(\d+)\}/g, (m, k: string) =>
        rest[Number(k)] === undefined ? m : String(rest[Number(k)]),
      );
    }
    return UNKNOWN;
  }
}
