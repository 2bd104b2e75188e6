/**
 * Every generated file a user can copy: the golden files (single plans and fleets), each plan of the generate tests
 * in the variants the Terraform test writes (existing VNet, IPAM pool), and the `aksnet generate` examples in docs/
 * (stdout, or the `text` of `-o json`; `--out-dir` examples print only file names and are covered by the fleet
 * golden files), and every example plan under examples/generate and examples/recommend generated in each format
 * (fleet files excepted: the fleet golden files cover them). Read by the schema tests of each format.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { generate } from "../src/adapters/generate/index.js";
import { PLANS, REFUSED } from "../src/adapters/generate/testing/plans.js";
import { memoryIo } from "../src/adapters/cli/io.js";
import { run } from "../src/adapters/cli/main.js";
import { docExamples } from "./docs-examples.js";

export type GenFormat = "az" | "bicep" | "terraform";
export interface GeneratedFile {
  readonly name: string;
  readonly format: GenFormat;
  readonly text: string;
}

const ROOT = resolve(import.meta.dirname, "..");
const EXT: Record<string, GenFormat> = { sh: "az", bicep: "bicep", tf: "terraform" };
const GOLDEN_DIRS = ["src/adapters/generate/__golden__", "src/adapters/generate/fleet/__golden__"];
const IPAM_POOL =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/" +
  "networkManagers/nm/ipamPools/spokes";

function goldens(): GeneratedFile[] {
  return GOLDEN_DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, dir)).flatMap((f) => {
      const format = EXT[f.slice(f.lastIndexOf(".") + 1)];
      return format ? [{ name: `${dir}/${f}`, format, text: readFileSync(join(ROOT, dir, f), "utf8") }] : [];
    }),
  );
}

function docs(): GeneratedFile[] {
  const out: GeneratedFile[] = [];
  for (const page of readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md"))) {
    for (const ex of docExamples(readFileSync(join(ROOT, "docs", page), "utf8"))) {
      const format = /--format[ =](az|bicep|terraform)/.exec(ex.command)?.[1] as GenFormat | undefined;
      if (!/^aksnet (fleet )?generate /.test(ex.command) || !format || ex.exit !== 0) continue;
      if (ex.argv.includes("--out-dir")) continue;
      const json = /-o json/.test(ex.command);
      const text = json ? (JSON.parse(ex.expected) as { text: string }).text : ex.expected;
      out.push({ name: `docs/${page}: $ ${ex.command}`, format, text });
    }
  }
  return out;
}

/**
 * The plans of the generate tests in each variant (existing VNet, an IPAM pool where the plan allows one: for the
 * VNet and subnets, or the VNet only).
 */
function variants(): GeneratedFile[] {
  const out: GeneratedFile[] = [];
  for (const [name, plan] of Object.entries(PLANS)) {
    const ipv6 = [...(plan.vnet?.addressSpace ?? []), ...(plan.vnet?.subnets ?? []).map((s) => s.cidr)].some((c) =>
      c.includes(":"),
    );
    const opts = [
      { label: "existing VNet", o: { existingVnet: true } },
      ...(plan.vnet?.addressSpace.length === 1 && !ipv6
        ? [
            { label: "IPAM pool", o: { ipamPool: IPAM_POOL } },
            { label: "IPAM pool, VNet only", o: { ipamPool: IPAM_POOL, ipamPoolScope: "vnetOnly" as const } },
          ]
        : []),
    ];
    for (const format of ["az", "bicep", "terraform"] as const) {
      if (REFUSED[name]?.[format] !== undefined) continue;
      for (const { label, o } of opts) {
        const r = generate(plan, format, o);
        if (r.ok) out.push({ name: `${name} (${label})`, format, text: r.text });
      }
    }
  }
  return out;
}

const EXAMPLE_DIRS = ["examples/generate", "examples/recommend"];

/** Each example plan generated in `format` through the CLI (what a reader of the docs would run). */
async function examples(format: GenFormat): Promise<GeneratedFile[]> {
  const out: GeneratedFile[] = [];
  for (const dir of EXAMPLE_DIRS) {
    for (const f of readdirSync(join(ROOT, dir)).filter((n) => /\.(ya?ml|json)$/.test(n) && !n.startsWith("fleet"))) {
      const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT, isTTY: false });
      const code = await run(["generate", "--format", format, `${dir}/${f}`], io);
      if (code === 0) out.push({ name: `${dir}/${f} (aksnet generate --format ${format})`, format, text: io.stdout });
    }
  }
  return out;
}

export async function generatedFiles(format: GenFormat): Promise<GeneratedFile[]> {
  const fixed = [...goldens(), ...docs(), ...variants()].filter((f) => f.format === format);
  return [...fixed, ...(await examples(format))];
}
