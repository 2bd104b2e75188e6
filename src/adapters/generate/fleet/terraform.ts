/**
 * Terraform for a fleet: each cluster's configuration is the single-cluster
 * generator's output; clusters whose outputs differ only in values share one
 * module (`modules/<name>/main.tf`), called once per cluster with `for_each`
 * from `main.tf`, whose `locals` hold each cluster's values. Instantiating a
 * module with a cluster's values gives back that cluster's own resources, line
 * for line (a test checks it), so the fleet output says exactly what
 * `aksnet generate` says for each cluster alone.
 */
import { hclString } from "../quote.js";
import { groupByShape, shapeOf, variableSlots, type Dialect, type Shaped, type Slot } from "./slots.js";

const OWN = new Set([
  "name",
  "dns_prefix",
  "resource_group_name",
  "address_space",
  "address_prefixes",
  "pod_cidr",
  "pod_cidrs",
  "service_cidr",
  "service_cidrs",
  "dns_service_ip",
  "kubernetes_version",
  "number_of_ip_addresses",
]);

const SHORT: Readonly<Record<string, string>> = {
  azurerm_virtual_network: "vnet",
  azurerm_subnet: "subnet",
  azurerm_kubernetes_cluster: "cluster",
  azurerm_kubernetes_cluster_node_pool: "pool",
  azurerm_route_table: "route_table",
};

/** A value written only with literals: strings, numbers, booleans, lists of them. */
export function isHclLiteral(value: string): boolean {
  const rest = value.replace(/"(?:[^"\\$%]|\\.)*"/g, "");
  return /^[\s[\],\d.-]*$/.test(rest.replace(/\b(true|false)\b/g, "")) && !/"[^"]*[$%]\{/.test(value);
}

const ATTR = /^(\s+)([A-Za-z_][\w-]*)(\s*=\s)(.*)$/;
const OPEN = /^(\s*)([A-Za-z_][\w-]*)((?:\s+"[^"]*")*)\s*\{$/;

/** The HCL dialect: attribute lines inside `resource` and `data` blocks, named after the block path. */
export const TERRAFORM: Dialect = {
  // A subnet's or a pool's name is in its resource label, so it is the same in every cluster of a module.
  own: (s) => OWN.has(s.key) && (s.key !== "name" || s.name === "vnet_name" || s.name === "cluster_name"),
  slots(lines) {
    const out: Slot[] = [];
    const stack: string[] = [];
    let top = "";
    const used = new Map<string, number>();
    lines.forEach((line, i) => {
      const open = OPEN.exec(line);
      if (open) {
        const labels = [...open[3]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
        if (open[1] === "") {
          top = open[2]!;
          const short = SHORT[labels[0] ?? ""] ?? (labels[0] ?? "").replace(/^azurerm_/, "");
          const label = labels[1] ?? "";
          stack.length = 0;
          stack.push(label === "" || label === "aks" || label === "vnet" ? short : `${short}_${label}`);
        } else stack.push(open[2]!);
        return;
      }
      if (/^\s*\}$/.test(line)) {
        stack.pop();
        return;
      }
      const a = ATTR.exec(line);
      if (!a || (top !== "resource" && top !== "data") || !isHclLiteral(a[4]!)) return;
      let name = [...stack, a[2]!].join("_").replace(/[^A-Za-z0-9_]/g, "_");
      const n = (used.get(name) ?? 0) + 1;
      used.set(name, n);
      if (n > 1) name = `${name}_${n}`;
      out.push({ line: i, name, key: a[2]!, head: `${a[1]}${a[2]}${a[3]}`, value: a[4]! });
    });
    return out;
  },
};

/** A cluster's single-cluster output split into what the root keeps and what the module holds. */
export interface TerraformParts {
  /** The leading comments (model, assumptions, AKS defaults). */
  readonly header: readonly string[];
  /** `terraform { required_providers … }`. */
  readonly terraform: string;
  /** `provider "azurerm" { … }`. */
  readonly provider: string;
  /** The input variables the configuration declares, with their defaults (HCL text) when it gives one. */
  readonly variables: readonly { readonly name: string; readonly default?: string }[];
  /** Everything else, with the variables' defaults removed: the module's body. */
  readonly body: string;
}

export function splitTerraform(text: string): TerraformParts {
  const lines = text.replace(/\n$/, "").split("\n");
  const header: string[] = [];
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith("#")) header.push(lines[i++]!);
  const blocks: string[][] = [];
  let current: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    current.push(line);
    if (line === "}" || (/^\S.*\{\}$/.test(line) && !line.startsWith("#"))) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.some((l) => l.trim() !== "")) blocks.push(current);
  let terraform = "";
  let provider = "";
  const variables: { name: string; default?: string }[] = [];
  const body: string[] = [];
  for (const b of blocks) {
    const start = b.findIndex((l) => /^\S/.test(l) && !l.startsWith("#"));
    const head = b[start] ?? "";
    if (head.startsWith("terraform {")) terraform = b.slice(start).join("\n");
    else if (head.startsWith("provider ")) provider = b.slice(start).join("\n");
    else if (head.startsWith("variable ")) {
      const name = /^variable "([^"]+)"/.exec(head)![1]!;
      const def = b.map((l) => /^\s+default\s*=\s(.*)$/.exec(l)).find((m) => m !== null);
      variables.push(def ? { name, default: def[1]! } : { name });
      body.push(...b.filter((l) => !/^\s+default\s*=\s/.test(l)));
    } else body.push(...b);
  }
  return { header, terraform, provider, variables, body: body.join("\n").replace(/^\n+/, "") + "\n" };
}

/** The HCL type of a literal value. */
function hclType(value: string): string {
  if (value.startsWith("[")) return /^\[\s*"/.test(value) || value === "[]" ? "list(string)" : "list(number)";
  if (value === "true" || value === "false") return "bool";
  if (value.startsWith('"')) return "string";
  return "number";
}

export interface TerraformCluster {
  readonly name: string;
  readonly parts: TerraformParts;
  readonly shaped: Shaped;
}

export interface TerraformModule {
  readonly name: string;
  readonly clusters: readonly TerraformCluster[];
  /** The variables: the configuration's own and one per slot that varies. */
  readonly inputs: readonly { readonly name: string; readonly type?: string }[];
  /** Per cluster, each input's value (HCL text). */
  readonly values: readonly ReadonlyMap<string, string>[];
  readonly text: string;
}

/** One module for clusters of one shape. */
export function buildModule(name: string, group: readonly TerraformCluster[]): TerraformModule {
  const first = group[0]!;
  const vars = variableSlots(
    group.map((c) => c.shaped),
    TERRAFORM,
  );
  const lines = [...first.shaped.lines];
  const inputs: { name: string; type?: string }[] = first.parts.variables.map((v) => ({ name: v.name }));
  const slotInputs: { name: string; type: string }[] = [];
  first.shaped.slots.forEach((s, i) => {
    if (!vars.has(i)) return;
    lines[s.line] = `${s.head}var.${s.name}`;
    slotInputs.push({ name: s.name, type: hclType(s.value) });
  });
  inputs.push(...slotInputs);
  const values = group.map((c) => {
    const m = new Map<string, string>();
    for (const v of c.parts.variables) m.set(v.name, v.default ?? `var.${v.name}`);
    c.shaped.slots.forEach((s, i) => {
      if (vars.has(i)) m.set(s.name, s.value);
    });
    return m;
  });
  const declared = slotInputs.map((v) => `variable "${v.name}" {\n  type = ${v.type}\n}\n`).join("\n");
  const text = [
    `# Generated by aksnet: the module of ${group.length === 1 ? "cluster" : "clusters"} ` +
      `${group.map((c) => c.name).join(", ")}.`,
    "# main.tf calls it once per cluster (for_each); its variables are the values that differ between clusters.",
    "",
    first.parts.terraform,
    "",
    ...(declared ? [declared] : []),
    lines.join("\n").replace(/\n+$/, ""),
    "",
  ].join("\n");
  return { name, clusters: group, inputs, values, text };
}

/** `aks-a` → `aks_a`: a Terraform identifier for a map key or module name. */
export function ident(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]/g, "_");
  return /^[A-Za-z_]/.test(s) ? s : `_${s}`;
}

/** Group clusters into modules and name each module after its model (the header's first line). */
export function terraformModules(clusters: readonly { name: string; text: string }[]): TerraformModule[] {
  const items: TerraformCluster[] = clusters.map((c) => {
    const parts = splitTerraform(c.text);
    return { name: c.name, parts, shaped: shapeOf(parts.body, TERRAFORM) };
  });
  const taken = new Map<string, number>();
  return groupByShape(items).map((group) => {
    const model = /Generated by aksnet: (.*?)\.$/.exec(group[0]!.parts.header[0] ?? "")?.[1] ?? "cluster";
    const base = `aks-${model
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}`;
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    return buildModule(n === 1 ? base : `${base}-${n}`, group);
  });
}

/** The root configuration: the provider, each module's cluster values, one module call per module with for_each. */
export function terraformRoot(modules: readonly TerraformModule[], provider: string, terraform: string): string {
  const out: string[] = [
    `# Generated by aksnet: a fleet of ${modules.reduce((n, m) => n + m.clusters.length, 0)} clusters in ` +
      `${modules.length} module${modules.length === 1 ? "" : "s"}.`,
    "# Each cluster's values are in locals; each module is called once per cluster (for_each).",
  ];
  for (const m of modules)
    for (const c of m.clusters) {
      const rest = c.parts.header.slice(1);
      if (rest.length > 0) out.push(`# ${c.name}:`, ...rest.map((l) => l.replace(/^# ?/, "#   ")));
    }
  const rootVars = new Set<string>();
  out.push("", terraform, "", provider, "");
  out.push("locals {");
  modules.forEach((m, mi) => {
    if (mi > 0) out.push("");
    out.push(`  ${ident(m.name)} = {`);
    m.clusters.forEach((c, ci) => {
      const values = m.values[ci]!;
      const width = Math.max(0, ...[...values.keys()].map((k) => k.length));
      out.push(`    ${hclString(c.name)} = {`);
      for (const [k, v] of values) {
        if (v === `var.${k}`) rootVars.add(k);
        out.push(`      ${k.padEnd(width)} = ${v}`);
      }
      out.push("    }");
    });
    out.push("  }");
  });
  out.push("}");
  for (const m of modules) {
    out.push(
      "",
      `module "${ident(m.name)}" {`,
      `  for_each = local.${ident(m.name)}`,
      `  source   = "./modules/${m.name}"`,
      "",
    );
    const width = Math.max(0, ...m.inputs.map((v) => v.name.length));
    for (const v of m.inputs) out.push(`  ${v.name.padEnd(width)} = each.value.${v.name}`);
    out.push("}");
  }
  for (const v of rootVars) out.push("", `variable "${v}" {`, "  type      = string", "  sensitive = true", "}");
  return out.join("\n") + "\n";
}
