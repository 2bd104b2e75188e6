/**
 * Imports beside a cluster plan, in Chromium: `aksnet scan -o json` and fleet files (kind: FleetPlan) by
 * paste, by "Load file…" and by a drop on the page, each read by the importers the CLI uses. A scan shows
 * the used space and starts a plan that treats it as connected networks (undone by Undo).
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readUsedSpace } from "../../src/adapters/importers/index.js";
import { parsePrefix } from "../../src/ip/index.js";
import { CHROMIUM, editorText, launch, OUTPUT, ROOT, serve, type Served } from "./harness.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations on the whole page, as `impact rule: targets` lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(): Promise<Result> } }).axe;
    return (await axe.run()).violations.map(
      (v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  });
}

const SCAN_FILE = join(ROOT, "src/adapters/importers/used/fixtures/aksnet-scan.json");
const SCAN = readFileSync(SCAN_FILE, "utf8");
const FLEET = readFileSync(join(ROOT, "examples/fleet/overlapping.yaml"), "utf8");

type How = "paste" | "file" | "drop";

async function give(page: Page, how: How, text: string, name: string): Promise<void> {
  if (how === "paste") return page.fill("#plan-text", text);
  if (how === "file")
    return page.setInputFiles("#plan-file", { name, mimeType: "application/octet-stream", buffer: Buffer.from(text) });
  await page.evaluate(
    ([t, n]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t!], n!, { type: "application/octet-stream" }));
      document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [text, name],
  );
}

describe("imports in Chromium: aksnet scan output and fleet files", () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launch>>;
  const open = async (width = 1280, height = 800, colorScheme: "light" | "dark" = "light") => {
    const ctx = await browser.browser.newContext({ viewport: { width, height }, colorScheme });
    ctx.setDefaultTimeout(45_000);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.waitForSelector("body[data-ready=true]");
    return { page, errors, close: () => ctx.close() };
  };

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
  });

  it.each(["paste", "file", "drop"] as const)(
    "aksnet scan -o json by %s: its used space, as the CLI reads it",
    async (how) => {
      const { page, errors, close } = await open();
      await give(page, how, SCAN, "scan.json");
      await page.waitForSelector("#scan-view:not([hidden]) #scan-table");
      const used = readUsedSpace(SCAN, "scan.json", { format: "aksnet-scan" });
      expect(await page.textContent("#input-status")).toBe(
        `Read aksnet scan output: ${used.prefixes.length} used prefixes; see Used space below.`,
      );
      const cidrs = (await page.$$eval("#scan-table td code", (c) => c.map((x) => x.textContent ?? ""))).flatMap((t) =>
        t.split(", "),
      );
      // Every used prefix is listed, or lies inside one that is (a subnet inside its VNet).
      const listed = cidrs.map((c) => parsePrefix(c));
      for (const u of used.prefixes)
        expect(
          listed.some((p) => p.contains(parsePrefix(u.cidr))),
          u.cidr,
        ).toBe(true);
      await page.click("#scan-plan");
      await page.waitForFunction(() =>
        document.querySelector("#input-status")?.textContent?.startsWith("Read an aksnet plan"),
      );
      const text = await editorText(page);
      for (const c of cidrs) expect(text).toContain(c);
      expect(await page.isHidden("#scan-view")).toBe(true);
      // The service CIDR of the example overlaps the peered hub the scan found: the check says so.
      expect(await page.textContent("#findings")).toMatch(/10\.0\.0\.0\/16/);
      await page.click("#undo");
      await page.waitForSelector("#scan-view:not([hidden])");
      expect(errors).toEqual([]);
      await close();
    },
  );

  it("a scanned cluster starts a plan of its own configuration, and its check finds what the scan found", async () => {
    const { page, errors, close } = await open();
    await give(page, "paste", SCAN, "scan.json");
    await page.waitForSelector("#scan-view:not([hidden]) #scan-cluster");
    const report = JSON.parse(SCAN) as { clusters: { name: string; findings: { ruleId: string }[] }[] };
    expect(await page.$$eval("#scan-cluster option", (o) => o.map((x) => x.getAttribute("value")))).toEqual(
      report.clusters.map((c) => c.name),
    );
    await page.selectOption("#scan-cluster", "aks-payments-weu");
    await page.click("#scan-cluster-plan");
    await page.waitForFunction(() =>
      document.querySelector("#input-status")?.textContent?.startsWith("Read an aksnet plan"),
    );
    const text = await editorText(page);
    // Its model, pod CIDR, VNet and pools as the scan read them (not the example plan's).
    for (const line of [
      "name: aks-payments-weu",
      "pluginMode: overlay",
      "dataplane: cilium",
      "- 192.168.0.0/16",
      "name: vnet-spoke-weu",
      "cidr: 10.20.0.0/26",
      "maxCount: 40",
      "subnet: snet-aks-payments",
      // The service range and DNS IP the cluster's record states (clusters[].network), not AKS's defaults.
      "- 172.16.0.0/16",
      "dnsServiceIp: 172.16.0.10",
      "policy: cilium",
    ])
      expect(text).toContain(line);
    expect(text).not.toContain("aks-prod-weu");
    expect(await page.inputValue("#field-model")).toBe("azure-cni-overlay");
    await page.waitForSelector('#verdict[data-status="fails"]');
    for (const f of report.clusters[0]!.findings) expect(await page.$(`#finding-${f.ruleId}`), f.ruleId).not.toBeNull();
    // Nothing is found about a service range the cluster does not have.
    expect(await page.textContent("#findings")).not.toMatch(/network\.(serviceCidrs|dnsServiceIp)/);
    expect(await page.textContent("#undo-status")).toContain("the plan of the scanned cluster aks-payments-weu");
    await page.click("#undo");
    await page.waitForSelector("#scan-view:not([hidden])");
    expect(errors).toEqual([]);
    await close();
  });

  it.each([
    { width: 1280, height: 800, scheme: "light" },
    { width: 390, height: 844, scheme: "light" },
    { width: 1280, height: 800, scheme: "dark" },
    { width: 390, height: 844, scheme: "dark" },
    { width: 320, height: 640, scheme: "light" },
  ] as const)("the Used space view at $width×$height ($scheme): no axe violation, no sideways scrolling", async (s) => {
    const { page, errors, close } = await open(s.width, s.height, s.scheme);
    await give(page, "paste", SCAN, "scan.json");
    await page.waitForSelector("body[data-settled=true] #scan-view:not([hidden]) #scan-table");
    await page.evaluate(() => document.getElementById("scan-view")?.scrollIntoView());
    await page.screenshot({ path: join(OUTPUT, `used-space-${s.width}x${s.height}-${s.scheme}.png`) });
    expect(await axeViolations(page)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    // The cluster choice and both buttons are on screen, apart.
    const boxes = await page.$$eval(["#scan-cluster", "#scan-cluster-plan", "#scan-plan"].join(","), (els) =>
      els.map((e) => e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }),
    );
    expect(boxes).toHaveLength(3);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(
          true,
        );
    expect(errors).toEqual([]);
    await close();
  });

  it.each([
    { name: "an ARM template", file: "src/adapters/importers/fixtures/arm-template-quickstart-aks.json", how: "paste" },
    { name: "az network vnet output", file: "examples/imports/vnet-show.json", how: "file" },
    {
      name: "terraform show -json output",
      file: "src/adapters/importers/fixtures/terraform-plan-overlay.json",
      how: "drop",
    },
    {
      name: "an ARM managed cluster",
      file: "src/adapters/importers/fixtures/arm-dualstack-kubenet.json",
      how: "paste",
    },
  ] as const)("$name by $how is read by the importers and converts to aksnet.yaml", async ({ name, file, how }) => {
    const { page, errors, close } = await open();
    await give(page, how, readFileSync(join(ROOT, file), "utf8"), file.split("/").pop()!);
    await page.waitForFunction(
      (n) => document.querySelector("#input-status")?.textContent?.startsWith(`Read ${n}`),
      name,
    );
    expect(await page.isVisible("#convert")).toBe(true);
    await page.click("#convert");
    await page.waitForFunction(() =>
      document.querySelector("#input-status")?.textContent?.startsWith("Read an aksnet plan"),
    );
    expect(await editorText(page)).toMatch(/kind: ClusterPlan/);
    expect(errors).toEqual([]);
    await close();
  });

  it.each(["paste", "file", "drop"] as const)("a fleet file by %s shows the fleet view", async (how) => {
    const { page, errors, close } = await open();
    await give(page, how, FLEET, "fleet.yaml");
    await page.waitForSelector("#fleet-view:not([hidden]) #fleet-pools");
    expect(await page.textContent("#input-status")).toMatch(/^Read a fleet file: \d+ clusters?/);
    expect(errors).toEqual([]);
    await close();
  });

  it("a scan the reader refuses says why, naming the field", async () => {
    const { page, close } = await open();
    await page.fill("#plan-text", JSON.stringify({ kind: "ScanReport", clusters: [], subnets: [7] }));
    await page.waitForFunction(() =>
      /subnets\[0\] is not an object/.test(document.querySelector("#input-status")?.textContent ?? ""),
    );
    await close();
  });
});
