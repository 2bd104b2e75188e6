/**
 * The fleet generators: golden files, and the law that makes them trustworthy —
 * each cluster's part of the fleet output, with its values put back, is exactly
 * what `aksnet generate` writes for that cluster alone.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { PlanSchema } from "../../../engines/schema/index.js";
import { generate } from "../index.js";
import { generateFleet } from "./index.js";
import { splitTerraform, TERRAFORM, isHclLiteral } from "./terraform.js";
import { shapeOf } from "./slots.js";
import { FLEET, FLEET_IPAM } from "./testing.js";
import type { FleetGenCluster } from "./types.js";
import { runWithAzStub } from "../testing/az-stub.js";

const GOLDEN = join(import.meta.dirname, "__golden__");
const UPDATE = process.env["UPDATE_GOLDEN"] === "1";

function golden(name: string, text: string): void {
  const path = join(GOLDEN, name);
  if (UPDATE) writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, "utf8"));
}

function files(format: "terraform" | "az" | "bicep", fleet: readonly FleetGenCluster[] = FLEET) {
  const r = generateFleet(fleet, format);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

/** One cluster alone, as `aksnet generate` writes it with the options the fleet gives it. */
function single(c: FleetGenCluster, format: "terraform" | "az" | "bicep"): string {
  const r = generate(c.plan, format, c.ipamPool !== undefined ? { ipamPool: c.ipamPool } : {});
  if (!r.ok) throw new Error(`single failed: ${JSON.stringify(r.problems)}`);
  return r.text;
}

/** The plain fleet, and the same fleet with its VNets and subnets from Virtual Network Manager IPAM pools. */
const FLEETS = [
  { label: "", prefix: "fleet-", fleet: FLEET, subnetRange: "var.subnet_aks_nodes_address_prefixes" },
  {
    label: " (IPAM pools)",
    prefix: "fleet-ipam-",
    fleet: FLEET_IPAM,
    subnetRange: "var.subnet_aks_nodes_ip_address_pool_number_of_ip_addresses",
  },
];

describe.each(FLEETS)("fleet Terraform$label", ({ prefix, fleet, subnetRange }) => {
  const r = files("terraform", fleet);

  it("writes main.tf and one module per shape of cluster (goldens)", () => {
    expect(r.files.map((f) => f.path)).toEqual([
      "main.tf",
      "modules/aks-azure-cni-overlay/main.tf",
      "modules/aks-kubenet/main.tf",
    ]);
    expect(r.clusters).toEqual([
      { name: "aks-weu-1", module: "aks-azure-cni-overlay" },
      { name: "aks-neu-1", module: "aks-azure-cni-overlay" },
      { name: "aks-legacy", module: "aks-kubenet" },
    ]);
    for (const f of r.files) golden(`${prefix}${f.path.replaceAll("/", "-")}`, f.text);
  });

  it("every file parses as HCL; main.tf calls each module with for_each", async () => {
    for (const f of r.files) await parse(f.path, f.text);
    const root = (await parse("main.tf", r.files[0]!.text)) as {
      module: Record<string, { for_each: string; source: string }[]>;
    };
    expect(Object.keys(root.module)).toEqual(["aks_azure_cni_overlay", "aks_kubenet"]);
    expect(root.module["aks_azure_cni_overlay"]![0]!.for_each).toBe("${local.aks_azure_cni_overlay}");
  });

  it("law: a module with a cluster's values is that cluster's own configuration, line for line", async () => {
    const root = (await parse("main.tf", r.files[0]!.text)) as {
      locals: Record<string, Record<string, Record<string, unknown>>>[];
    };
    const locals = root.locals[0]!;
    for (const c of fleet) {
      const entry = r.clusters.find((x) => x.name === c.name)!;
      const mod = r.files.find((f) => f.path === `modules/${entry.module}/main.tf`)!.text;
      const values = locals[entry.module.replaceAll("-", "_")]![c.name]!;
      // Slow and obvious: the slot variables are those declared with a type only; put each value back where
      // the module reads it, and drop their declarations and the module's terraform block.
      const slotDecl = /^variable "([^"]+)" \{\n {2}type = [^\n]+\n\}\n\n?/gm;
      const slots = new Set([...mod.matchAll(slotDecl)].map((m) => m[1]!));
      const body = mod
        .replace(/^terraform \{[\s\S]*?\n\}\n\n/m, "")
        .replace(slotDecl, "")
        .replace(/var\.([A-Za-z0-9_]+)/g, (m, name: string) => (slots.has(name) ? hclText(values[name]) : m));
      const own = splitTerraform(single(c, "terraform")).body;
      const noComments = (t: string) => t.replace(/^#.*\n/gm, "").trim();
      expect(noComments(body), c.name).toBe(noComments(own));
    }
  });

  it("puts in variables only what differs or is the cluster's own (names, ranges)", () => {
    const mod = r.files[1]!.text;
    expect(mod).toContain("var.pool_apps_max_count"); // 20 vs 40
    expect(mod).toContain("max_pods              = 250"); // the same in both
    expect(mod).toContain(subnetRange);
    expect(mod).not.toMatch(/^\s+default\s*=/m);
  });

  it("shapes: literals found in resources only, never in references", () => {
    const own = splitTerraform(
      generate(PlanSchema.parse({ name: "a" }), "terraform").ok
        ? (generate(PlanSchema.parse({ name: "a" }), "terraform") as { text: string }).text
        : "",
    ).body;
    const s = shapeOf(own, TERRAFORM);
    expect(s.slots.map((x) => x.value).some((v) => v.includes("azurerm_") || v.includes("var."))).toBe(false);
    expect(isHclLiteral('["10.0.0.0/16", "fd00::/64"]')).toBe(true);
    expect(isHclLiteral("azurerm_subnet.a.id")).toBe(false);
    expect(isHclLiteral('"${var.x}"')).toBe(false);
    expect(isHclLiteral("[azurerm_subnet.a.id]")).toBe(false);
  });
});

/** A local's value (from hcl2json) back as HCL text, as the generator writes literals. */
function hclText(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(hclText).join(", ")}]`;
  if (typeof v === "string") return JSON.stringify(v);
  return String(v);
}

describe.each(FLEETS)("fleet az$label", ({ prefix, fleet }) => {
  const r = files("az", fleet);

  it("writes one script with one function per cluster (golden)", () => {
    expect(r.files.map((f) => f.path)).toEqual(["create-fleet.sh"]);
    golden(`${prefix}create-fleet.sh`, r.files[0]!.text);
  });

  it("law: each function's body is that cluster's own script without its shebang", () => {
    const text = r.files[0]!.text;
    for (const c of r.clusters) {
      const start = text.indexOf(`${c.module}() (\n`) + c.module.length + 5;
      const end = text.indexOf("\n)\n", start);
      const own = single(
        fleet.find((f) => f.name === c.name)!,
        "az",
      );
      expect(text.slice(start, end + 1)).toBe(own.replace(/^#!.*\n/, ""));
    }
  });
});

describe.each(FLEETS)("fleet az$label run against the recording az stub", ({ fleet }) => {
  it("makes every cluster's calls, in the fleet's order, and nothing else", () => {
    const r = files("az", fleet);
    const calls = runWithAzStub(r.files[0]!.text);
    const expected = fleet.flatMap((c) => runWithAzStub(single(c, "az")));
    expect(calls).toEqual(expected);
    expect(calls.filter((c) => c[0] === "aks" && c[1] === "create")).toHaveLength(3);
  });
});

describe("fleet refusals", () => {
  it("names the cluster whose value is refused, and duplicate names", () => {
    const bad = [...FLEET, { name: "aks-weu-1", plan: PlanSchema.parse({ name: "aks weu" }) }];
    const r = generateFleet(bad, "terraform");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.cluster, p.path])).toEqual([
      ["aks-weu-1", "name"],
      ["aks-weu-1", "name"],
    ]);
    expect(generateFleet([], "az").ok).toBe(false);
  });
});

describe.each(FLEETS)("fleet Bicep$label", ({ prefix, fleet }) => {
  const r = files("bicep", fleet);

  it("writes main.bicep with a module loop, and one module per shape (goldens)", () => {
    expect(r.files.map((f) => f.path)).toEqual([
      "main.bicep",
      "modules/aks-azure-cni-overlay.bicep",
      "modules/aks-kubenet.bicep",
    ]);
    expect(r.files[0]!.text).toContain(
      "module aksAzureCniOverlay 'modules/aks-azure-cni-overlay.bicep' = [for c in aksAzureCniOverlayClusters: {",
    );
    for (const f of r.files) golden(`${prefix}${f.path.replaceAll("/", "-")}`, f.text);
  });

  it("law: a module with a cluster's values is that cluster's own file, line for line", () => {
    const main = r.files[0]!.text;
    for (const c of fleet) {
      const entry = r.clusters.find((x) => x.name === c.name)!;
      const mod = r.files.find((f) => f.path === `modules/${entry.module}.bicep`)!.text;
      // Slow and obvious: this cluster's entry in main.bicep, as key → value text.
      const at = main.indexOf(`    deployment: 'aksnet-${c.name}'`);
      const block = main.slice(at, main.indexOf("\n  }", at)).split("\n");
      const values = new Map(block.map((l) => /^ {4}(\w+): (.*)$/.exec(l)!).map((m) => [m[1]!, m[2]!]));
      // The module: two comment lines, a blank, then the declared value parameters up to the next blank line.
      const lines = mod.split("\n");
      const stop = lines.indexOf("", 3);
      const declared = new Set(lines.slice(3, stop).map((l) => l.split(" ")[1]!));
      const body = lines
        .slice(stop + 1)
        .filter((l) => !l.startsWith("//"))
        .map((l) => {
          const p = /^param (\w+) (\w+)$/.exec(l);
          if (p) return `param ${p[1]} ${p[2]} = ${values.get(p[1]!)}`;
          const m = /^(\s*(?:\w+: )?)(\w+)$/.exec(l);
          return m && declared.has(m[2]!) ? `${m[1]}${values.get(m[2]!)}` : l;
        })
        .join("\n")
        .trim();
      const own = single(c, "bicep")
        .split("\n")
        .filter((l) => !l.startsWith("//"))
        .join("\n")
        .trim();
      expect(body, c.name).toBe(own);
    }
  });
});
