/**
 * Bicep for a fleet: each cluster's file is the single-cluster generator's
 * output; clusters whose files differ only in values share one module
 * (`modules/<name>.bicep`), deployed once per cluster by a loop in `main.bicep`
 * (`module … = [for c in …: { … }]`), which holds each cluster's values.
 * Instantiating a module with a cluster's values gives back that cluster's file
 * (a test checks it).
 */
import { bicepString } from "../quote.js";
import { groupByShape, shapeOf, variableSlots, type Dialect, type Shaped, type Slot } from "./slots.js";

const OWN = new Set([
  "addressPrefix",
  "addressPrefixes",
  "podCidr",
  "podCidrs",
  "serviceCidr",
  "serviceCidrs",
  "dnsServiceIP",
  "kubernetesVersion",
  "dnsPrefix",
  "numberOfIpAddresses",
]);

/** A Bicep literal: a string without interpolation, a number, true or false. */
export function isBicepLiteral(v: string): boolean {
  return /^'(?:[^'\\$]|\\.|\$(?!\{))*'$/.test(v) || /^-?\d+(\.\d+)?$/.test(v) || v === "true" || v === "false";
}

const camel = (parts: readonly string[]) =>
  parts
    .filter((p) => p !== "properties")
    .map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1)))
    .join("")
    .replace(/[^A-Za-z0-9]/g, "");

/** The Bicep dialect: `param` defaults, `key: literal` lines and literal array items, named by their path. */
export const BICEP: Dialect = {
  own: (s) => s.key.startsWith("param ") || OWN.has(s.key) || s.name === "vnetName",
  slots(lines) {
    const out: Slot[] = [];
    // Each frame: the key that opened it, and for arrays the index of the next item.
    const stack: { key: string; array: boolean; index: number }[] = [];
    const used = new Map<string, number>();
    const push = (i: number, name: string, key: string, head: string, value: string) => {
      const n = (used.get(name) ?? 0) + 1;
      used.set(name, n);
      out.push({ line: i, name: n > 1 ? `${name}${n}` : name, key, head, value });
    };
    /** The keys down to the current line, with the index of the item for each array passed through. */
    const path = () => {
      const parts: string[] = [];
      stack.forEach((f, k) => {
        if (f.key !== "") parts.push(f.key);
        if (f.array && k < stack.length - 1) parts.push(String(f.index - 1));
      });
      return parts;
    };
    lines.forEach((line, i) => {
      const param = /^param (\w+) (\w+) = (.*)$/.exec(line);
      if (param) {
        if (isBicepLiteral(param[3]!))
          push(i, param[1]!, `param ${param[1]}`, `param ${param[1]} ${param[2]} = `, param[3]!);
        return;
      }
      const res = /^(?:resource|module) (\w+) .*= \{$/.exec(line);
      if (res) {
        stack.length = 0;
        stack.push({ key: res[1]!, array: false, index: 0 });
        return;
      }
      const trimmed = line.trim();
      if (trimmed === "}" || trimmed === "]") {
        stack.pop();
        return;
      }
      const top = stack[stack.length - 1];
      if (!top) return;
      const open = /^\s*(?:(\w+): )?([{[])$/.exec(line);
      if (open) {
        if (top.array) top.index++;
        stack.push({ key: open[1] ?? "", array: open[2] === "[", index: 0 });
        return;
      }
      const prop = /^(\s*)(\w+): (.*)$/.exec(line);
      if (prop && !top.array) {
        if (isBicepLiteral(prop[3]!))
          push(i, camel([...path(), prop[2]!]), prop[2]!, `${prop[1]}${prop[2]}: `, prop[3]!);
        return;
      }
      if (top.array) {
        const item = /^(\s*)(.*)$/.exec(line)!;
        top.index++;
        if (isBicepLiteral(item[2]!)) push(i, camel([...path(), String(top.index - 1)]), top.key, item[1]!, item[2]!);
      }
    });
    return out;
  },
};

function bicepType(v: string): string {
  if (v.startsWith("'")) return "string";
  if (v === "true" || v === "false") return "bool";
  return "int";
}

export interface BicepCluster {
  readonly name: string;
  readonly resourceGroup?: string | undefined;
  readonly header: readonly string[];
  readonly shaped: Shaped;
}

export interface BicepModule {
  readonly name: string;
  readonly clusters: readonly BicepCluster[];
  readonly params: readonly string[];
  readonly values: readonly ReadonlyMap<string, string>[];
  readonly text: string;
}

function splitBicep(text: string): { header: string[]; body: string } {
  const lines = text.replace(/\n$/, "").split("\n");
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith("//")) i++;
  while (i < lines.length && lines[i] === "") i++;
  return { header: lines.slice(0, i).filter((l) => l !== ""), body: lines.slice(i).join("\n") + "\n" };
}

function buildModule(name: string, group: readonly BicepCluster[]): BicepModule {
  const first = group[0]!;
  const vars = variableSlots(
    group.map((c) => c.shaped),
    BICEP,
  );
  const lines = [...first.shaped.lines];
  const params: string[] = [];
  const declared: string[] = [];
  first.shaped.slots.forEach((s, i) => {
    if (!vars.has(i)) return;
    params.push(s.name);
    if (s.key.startsWith("param ")) lines[s.line] = s.head.replace(/ = $/, "");
    else {
      lines[s.line] = `${s.head}${s.name}`;
      declared.push(`param ${s.name} ${bicepType(s.value)}`);
    }
  });
  const values = group.map((c) => {
    const m = new Map<string, string>();
    c.shaped.slots.forEach((s, i) => {
      if (vars.has(i)) m.set(s.name, s.value);
    });
    return m;
  });
  const text = [
    `// Generated by aksnet: the module of ${group.length === 1 ? "cluster" : "clusters"} ` +
      `${group.map((c) => c.name).join(", ")}.`,
    "// main.bicep deploys it once per cluster (a loop); its parameters are the values that differ between clusters.",
    "",
    ...declared,
    ...(declared.length > 0 ? [""] : []),
    lines.join("\n").replace(/\n+$/, ""),
    "",
  ].join("\n");
  return { name, clusters: group, params, values, text };
}

/** `aks-azure-cni-overlay` → `aksAzureCniOverlay`. */
export function symbol(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, "");
}

export function bicepModules(
  clusters: readonly { name: string; text: string; resourceGroup?: string | undefined }[],
): BicepModule[] {
  const items: BicepCluster[] = clusters.map((c) => {
    const { header, body } = splitBicep(c.text);
    return { name: c.name, resourceGroup: c.resourceGroup, header, shaped: shapeOf(body, BICEP) };
  });
  const taken = new Map<string, number>();
  return groupByShape(items).map((group) => {
    const model = /Generated by aksnet: (.*?)\.$/.exec(group[0]!.header[0] ?? "")?.[1] ?? "cluster";
    const base = `aks-${model
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}`;
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    return buildModule(n === 1 ? base : `${base}-${n}`, group);
  });
}

export function bicepRoot(modules: readonly BicepModule[]): { text: string; notes: string[] } {
  const notes: string[] = [];
  const out: string[] = [
    `// Generated by aksnet: a fleet of ${modules.reduce((n, m) => n + m.clusters.length, 0)} clusters in ` +
      `${modules.length} module${modules.length === 1 ? "" : "s"}.`,
    "// Deploy with az deployment group create --resource-group RG --template-file main.bicep; each cluster goes to " +
      "its plan's resource group (RG when the plan names none).",
  ];
  for (const m of modules)
    for (const c of m.clusters) {
      const rest = c.header.slice(1).filter((l) => !l.startsWith("// Deploy into"));
      if (rest.length > 0) out.push(`// ${c.name}:`, ...rest.map((l) => l.replace(/^\/\/ ?/, "//   ")));
    }
  for (const m of modules) {
    const s = symbol(m.name);
    const scoped = m.clusters.every((c) => c.resourceGroup !== undefined);
    if (!scoped)
      notes.push(`module ${m.name}: not every cluster names a resource group, so all deploy to the deployment's.`);
    out.push("", `var ${s}Clusters = [`);
    m.clusters.forEach((c, ci) => {
      out.push("  {");
      out.push(`    deployment: ${bicepString(`aksnet-${c.name}`.slice(0, 64))}`);
      if (scoped) out.push(`    resourceGroup: ${bicepString(c.resourceGroup!)}`);
      for (const [k, v] of m.values[ci]!) out.push(`    ${k}: ${v}`);
      out.push("  }");
    });
    out.push("]", "");
    out.push(`module ${s} 'modules/${m.name}.bicep' = [for c in ${s}Clusters: {`);
    out.push("  name: c.deployment");
    if (scoped) out.push("  scope: resourceGroup(c.resourceGroup)");
    out.push("  params: {", ...m.params.map((p) => `    ${p}: c.${p}`), "  }", "}]");
  }
  return { text: out.join("\n") + "\n", notes };
}
