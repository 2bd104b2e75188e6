/**
 * Every import's numbers on the page equal the CLI's JSON for the same input, in Chromium. For each file the
 * page reads (ARM template, az network vnet show, terraform show -json, an ARM managed cluster, az aks show, a
 * cluster started from aksnet scan -o json) the plan it converts to is written to a file and given to the CLI:
 * the verdict (fits/fails), the findings' rule ids (`aksnet check -o json`), the comparison's rows (the
 * `aksnet compare` command the page shows, `-o json`) and the headline's headroom (the first pool grown by it
 * passes `check`; one node more fails). A fleet file's pools, clusters and findings equal `aksnet fleet check`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { memoryIo } from "../../src/adapters/cli/io.js";
import { run } from "../../src/adapters/cli/main.js";
import { axeViolations, CHROMIUM, editorText, launch, OUTPUT, ROOT, serve, type Served } from "./harness.js";

interface Findings {
  readonly findings: readonly { ruleId: string; messageId: string; severity: string }[];
  readonly summary: { errors: number };
}

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
  const code = await run(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const toNumber = (s: string | null | undefined) => Number((s ?? "").replace(/,/g, ""));
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

/** How a case puts a plan in the editor: an import converted, or a scanned cluster's plan started. */
type Start = (page: Page) => Promise<void>;

const convert =
  (file: string, what: string): Start =>
  async (page) => {
    await page.fill("#plan-text", read(file));
    await page.waitForFunction(
      (n) => document.querySelector("#input-status")?.textContent?.startsWith(`Read ${n}`),
      what,
    );
    await page.click("#convert");
  };

const scanned =
  (cluster: string): Start =>
  async (page) => {
    await page.fill("#plan-text", read("src/adapters/importers/used/fixtures/aksnet-scan.json"));
    await page.waitForSelector("#scan-view:not([hidden]) #scan-cluster");
    await page.selectOption("#scan-cluster", cluster);
    await page.click("#scan-cluster-plan");
  };

const CASES: readonly { name: string; file: string; start: Start }[] = [
  {
    name: "an ARM template",
    file: "src/adapters/importers/fixtures/arm-template-quickstart-aks.json",
    start: convert("src/adapters/importers/fixtures/arm-template-quickstart-aks.json", "an ARM template"),
  },
  {
    name: "az network vnet show",
    file: "examples/imports/vnet-show.json",
    start: convert("examples/imports/vnet-show.json", "az network vnet output"),
  },
  {
    name: "terraform show -json",
    file: "src/adapters/importers/fixtures/terraform-plan-overlay.json",
    start: convert("src/adapters/importers/fixtures/terraform-plan-overlay.json", "terraform show -json output"),
  },
  {
    name: "an ARM managed cluster",
    file: "src/adapters/importers/fixtures/arm-dualstack-kubenet.json",
    start: convert("src/adapters/importers/fixtures/arm-dualstack-kubenet.json", "an ARM managed cluster"),
  },
  {
    name: "az aks show",
    file: "examples/imports/aks-show.json",
    start: convert("examples/imports/aks-show.json", "az aks show output"),
  },
  {
    name: "a cluster of aksnet scan -o json",
    file: "src/adapters/importers/used/fixtures/aksnet-scan.json",
    start: scanned("aks-payments-weu"),
  },
];

/** The comparison's rows on the page: model/dataplane and each number cell. */
const pageRows = (page: Page) =>
  page.$$eval("#compare-table tbody tr", (trs) =>
    trs.map((tr) => ({
      id: `${tr.getAttribute("data-model")}/${tr.getAttribute("data-dataplane")}`,
      cells: Object.fromEntries(
        Array.from(tr.querySelectorAll("td[data-field]")).map((td) => [td.getAttribute("data-field"), td.textContent]),
      ),
    })),
  );

interface CompareJson {
  readonly models: readonly {
    model: string;
    dataplane: string | null;
    maxPodsPerNode: number;
    maxNodes: number;
    maxPods: number;
    withSurge: { maxNodes: number; maxPods: number };
    addressesPerNode: { nodeSubnet: number };
  }[];
}

/** The page's comparison equals `aksnet <the command the page shows> -o json`, row by row. */
async function expectCompareEqualsCli(page: Page): Promise<void> {
  const command = (await page.textContent("#compare-command")) ?? "";
  expect(command).toMatch(/^aksnet compare /);
  const rows = await pageRows(page);
  const { code, stdout } = await cli([...command.split(" ").slice(1), "-o", "json"]);
  expect(code).toBe(0);
  const json = JSON.parse(stdout) as CompareJson;
  const shown = rows.map((r) => ({
    id: r.id,
    maxPodsPerNode: toNumber(r.cells["maxPodsPerNode"]),
    nodeSubnet: toNumber(r.cells["addressesPerNode.nodeSubnet"]),
    maxNodes: toNumber(r.cells["maxNodes"]),
    maxPods: toNumber(r.cells["maxPods"]),
    surgeNodes: toNumber(r.cells["withSurge.maxNodes"]),
    surgePods: toNumber(r.cells["withSurge.maxPods"]),
  }));
  expect(shown).toEqual(
    json.models.map((m) => ({
      id: `${m.model}/${m.dataplane ?? "none"}`,
      maxPodsPerNode: m.maxPodsPerNode,
      nodeSubnet: m.addressesPerNode.nodeSubnet,
      maxNodes: m.maxNodes,
      maxPods: m.maxPods,
      surgeNodes: m.withSurge.maxNodes,
      surgePods: m.withSurge.maxPods,
    })),
  );
}

describe("each import's numbers on the page equal the CLI's", () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launch>>;
  const tmp = mkdtempSync(join(tmpdir(), "aksnet-import-numbers-"));

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium`);
    if (!existsSync(join(ROOT, "dist", "web", "index.html"))) throw new Error("dist/ is not built: run npm run build");
    mkdirSync(OUTPUT, { recursive: true });
    served = await serve();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  const open = async () => {
    const ctx = await browser.browser.newContext({ viewport: { width: 1280, height: 800 } });
    ctx.setDefaultTimeout(45_000);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.waitForSelector("body[data-ready=true]");
    return { page, errors, close: () => ctx.close() };
  };

  /** `aksnet check FILE -o json` of a plan's text. */
  const check = async (text: string, name: string): Promise<Findings> => {
    const file = join(tmp, name);
    writeFileSync(file, text);
    const { code, stdout, stderr } = await cli(["check", file, "-o", "json"]);
    expect([0, 1], stderr).toContain(code);
    return JSON.parse(stdout) as Findings;
  };

  /** The plan with its first pool grown by `more` nodes (its autoscaler maximum, else its count). */
  const grown = (text: string, more: number): string => {
    const plan = parse(text) as { nodePools: Record<string, number | undefined>[] };
    const first = plan.nodePools[0]!;
    if (first["maxCount"] !== undefined) first["maxCount"] = first["maxCount"] + more;
    else first["count"] = (first["count"] ?? 1) + more;
    return stringify(plan);
  };

  it.each(CASES)("$name: verdict, findings, comparison and headroom as the CLI counts them", async (c) => {
    const { page, errors, close } = await open();
    await c.start(page);
    await page.waitForFunction(() =>
      document.querySelector("#input-status")?.textContent?.startsWith("Read an aksnet plan"),
    );
    await page.waitForSelector("body[data-settled=true]");
    const text = await editorText(page);
    const name = c.file
      .split("/")
      .pop()!
      .replace(/\.json$/, ".yaml");
    const json = await check(text, name);

    // The verdict is check's: fails exactly when check has an error finding.
    const status = await page.getAttribute("#verdict", "data-status");
    expect(status).toBe(json.summary.errors > 0 ? "fails" : "fits");
    // The findings are check's, rule by rule.
    const rules = await page.$$eval("#findings li.finding", (li) => li.map((l) => l.getAttribute("data-rule")));
    expect([...rules].sort()).toEqual(json.findings.map((f) => f.ruleId).sort());
    // The comparison is aksnet compare's for the plan's node subnet, pod CIDR, max pods and version.
    await expectCompareEqualsCli(page);

    const headline = (await page.textContent("#verdict-headline")) ?? "";
    const m = /pool (\S+) can grow by ([\d,]+) more nodes? before (.+) runs out/.exec(headline);
    if (status === "fits") {
      expect(headline).toMatch(/^Fits: /);
      expect(m, headline).not.toBeNull();
      const more = toNumber(m![2]);
      // The headroom is check's: the first pool grown by it has no error; one node more crosses a limit check
      // reports (an error, or the Free tier's 1,000 nodes: a warning), a finding it did not have.
      const kinds = (j: Findings) => new Set(j.findings.map((f) => `${f.ruleId}/${f.messageId}`));
      const at = await check(grown(text, more), `grown-${name}`);
      const over = await check(grown(text, more + 1), `over-${name}`);
      expect(at.summary.errors).toBe(0);
      expect([...kinds(over)].filter((k) => !kinds(at).has(k)).length, headline).toBeGreaterThan(0);
    } else expect(headline).toMatch(/^Fails check: /);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, `import-numbers-${name.replace(/\.yaml$/, "")}.png`) });
    expect(errors).toEqual([]);
    await close();
  });

  it("a fleet file: pools, clusters and fleet findings as aksnet fleet check -o json counts them", async () => {
    const file = join(ROOT, "examples/fleet/overlapping.yaml");
    const { page, errors, close } = await open();
    await page.fill("#plan-text", readFileSync(file, "utf8"));
    await page.waitForSelector("body[data-settled=true] #fleet-view:not([hidden]) #fleet-pools");
    const out = await cli(["fleet", "check", file, "-o", "json"]);
    expect([0, 1], out.stderr).toContain(out.code);
    const json = JSON.parse(out.stdout) as {
      pools: { name: string; used: number; freeCount: number; fits: { fits: number; prefixLength: number }[] }[];
      clusters: { name: string }[];
      findings: { ruleId: string; message: string }[];
    };
    const pools = await page.$$eval("#fleet-pools tbody tr", (trs) =>
      trs.map((tr) => ({
        name: tr.getAttribute("data-pool"),
        used: Number(tr.querySelector("[data-used]")?.getAttribute("data-used")),
        freeCount: Number(tr.querySelector("[data-free-count]")?.getAttribute("data-free-count")),
        fits: tr.querySelector("[data-fits]")?.getAttribute("data-fits"),
      })),
    );
    expect(pools).toEqual(
      json.pools.map((p) => ({
        name: p.name,
        used: p.used,
        freeCount: p.freeCount,
        fits: p.fits.map((f) => `${f.fits.toLocaleString("en-US")} × /${f.prefixLength}`).join("; "),
      })),
    );
    expect(await page.$$eval("#fleet-clusters tbody tr", (t) => t.map((r) => r.getAttribute("data-cluster")))).toEqual(
      json.clusters.map((c) => c.name),
    );
    // The fleet's own findings (fleet-*) are the CLI's; the page cannot read a cluster's plan file from disk.
    const rules = await page.$$eval("#fleet-findings li.finding", (li) => li.map((l) => l.getAttribute("data-rule")));
    const fleetRules = (xs: readonly (string | null)[]) => xs.filter((r) => r?.startsWith("fleet-")).sort();
    expect(fleetRules(rules)).toEqual(fleetRules(json.findings.map((f) => f.ruleId)));
    expect(fleetRules(rules).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await close();
  });
});
