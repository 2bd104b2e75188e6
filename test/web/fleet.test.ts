/**
 * The web page's fleet view end to end, in Debian's Chromium: a fleet file in the
 * editor shows its pools (used, free, what still fits), clusters and findings with
 * the numbers `checkFleet` — what `aksnet fleet check` runs — gives for it; a plan
 * afterwards hides the view again. Needs the build and /usr/bin/chromium.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFleet } from "../../src/engines/fleet/index.js";
import { EXAMPLE_PLAN } from "../../src/adapters/web/state.js";
import { parse as parseYaml } from "yaml";
import { axeViolations, CHROMIUM, launch, OUTPUT, ROOT, serve, type Served } from "./harness.js";

const FLEET =
  `apiVersion: aksnet/v1
kind: FleetPlan
name: contoso-weu
pools:
  - { name: weu, cidrs: [10.10.0.0/16], exclude: [10.10.255.0/24] }
hub: { name: hub, cidrs: [10.0.0.0/22] }
defaults: { peerWith: [hub] }
clusters:
  - name: aks-weu-1
    plan:
      network: { plugin: azure, pluginMode: overlay, podCidrs: [10.244.0.0/16], serviceCidrs: [10.100.0.0/16], ` +
  `dnsServiceIp: 10.100.0.10 }
      vnet: { name: vnet-aks-weu-1, addressSpace: [10.10.0.0/20], subnets: [{ name: aks-nodes, cidr: 10.10.0.0/22 }] }
      nodePools: [{ name: system, mode: System, count: 3, subnet: aks-nodes }]
  - name: aks-weu-2
    plan:
      network: { plugin: azure, pluginMode: overlay, podCidrs: [10.244.0.0/16], serviceCidrs: [10.100.0.0/16], ` +
  `dnsServiceIp: 10.100.0.10 }
      vnet: { name: vnet-aks-weu-2, addressSpace: [10.10.8.0/21], subnets: [{ name: aks-nodes, cidr: 10.10.8.0/22 }] }
      nodePools: [{ name: system, mode: System, count: 3, subnet: aks-nodes }]
  - name: aks-legacy
    plan: aks-legacy.yaml
`;

describe("web fleet view in Chromium", () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launch>>;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium, as .ci/run does`);
    if (!existsSync(join(ROOT, "dist", "web", "index.html")))
      throw new Error("dist/ is not built: run npm run build first");
    mkdirSync(OUTPUT, { recursive: true });
    served = await serve();
    browser = await launch();
    context = await browser.browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(45_000);
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(m.text());
    });
    await page.goto(served.url);
    await page.waitForSelector("body[data-ready=true]");
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await served?.stop();
  });

  it("is hidden for a cluster plan", async () => {
    expect(await page.isHidden("#fleet-view")).toBe(true);
  });

  it("shows a fleet file's pools, clusters and findings with checkFleet's numbers", async () => {
    await page.fill("#plan-text", FLEET);
    await page.waitForSelector("#fleet-view:not([hidden]) #fleet-pools");
    const want = checkFleet(parseYaml(FLEET));
    const pool = want.pools[0]!;
    const row = page.locator('#fleet-pools tr[data-pool="weu"]');
    expect(await row.locator("[data-used]").getAttribute("data-used")).toBe(String(pool.used));
    expect(await row.locator("[data-free-count]").getAttribute("data-free-count")).toBe(String(pool.freeCount));
    expect(await row.locator("[data-fits]").getAttribute("data-fits")).toBe(
      pool.fits.map((f) => `${f.fits.toLocaleString("en-US")} × /${f.prefixLength}`).join("; "),
    );
    expect(await row.locator("svg.fleet-bar").getAttribute("aria-label")).toContain(
      `${pool.used.toLocaleString("en-US")} of ${pool.size.toLocaleString("en-US")} addresses used`,
    );
    // The clusters, in the fleet's order; the VNets overlap (10.10.8.0/21 is inside 10.10.0.0/20): a fleet finding.
    const clusters = await page
      .locator("#fleet-clusters tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-cluster")));
    expect(clusters).toEqual(["aks-weu-1", "aks-weu-2", "aks-legacy"]);
    const rules = await page
      .locator("#fleet-findings li.finding")
      .evaluateAll((li) => li.map((l) => l.getAttribute("data-rule")));
    expect(rules).toContain("fleet-ranges-overlap");
    expect(rules.length).toBe(want.findings.filter((f) => !/not loaded/.test(f.message)).length);
    expect(await page.textContent("#fleet-summary")).toContain("3 clusters, 1 pool, 4 networks; 0 errors, 1 warning");
    // A plan file the browser cannot read is named, with what to do.
    expect(await page.textContent("#fleet")).toContain("Cluster aks-legacy's plan is the file aks-legacy.yaml");
    expect(await page.textContent("#input-status")).toContain("Read a fleet file: 3 clusters, 1 pool");
    await page.locator("#fleet-view").screenshot({ path: join(OUTPUT, "fleet-view.png") });
    expect(pageErrors).toEqual([]);
  });

  it.each([
    { width: 390, height: 844 },
    { width: 320, height: 640 },
    { width: 1280, height: 800 },
  ])(
    "at $width×$height its tables fit their box: one card per row on a phone, each value names its column",
    async (size) => {
      const ctx = await browser.browser.newContext({ viewport: size });
      ctx.setDefaultTimeout(45_000);
      const phone = await ctx.newPage();
      const errors: string[] = [];
      phone.on("pageerror", (e) => errors.push(e.message));
      await phone.goto(served.url);
      await phone.waitForSelector("body[data-ready=true]");
      await phone.fill("#plan-text", FLEET);
      await phone.waitForSelector("body[data-settled=true] #fleet-view:not([hidden]) #fleet-pools");
      await phone
        .locator("#fleet-view")
        .screenshot({ path: join(OUTPUT, `fleet-view-${size.width}x${size.height}.png`) });
      // Nothing in the view is wider than its box (no sideways scrolling), nor is the page.
      const wide = await phone.$$eval("#fleet-view, #fleet-view *", (els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 1).map((e) => e.tagName + e.id),
      );
      expect(wide).toEqual([]);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
      // On a phone the column headings are hidden and each cell shows its own: what is shown is what the CLI calls it.
      const cells = await phone.$$eval("#fleet-pools td, #fleet-clusters td", (tds) =>
        tds.map((td) => ({ label: td.getAttribute("data-label"), before: getComputedStyle(td, "::before").content })),
      );
      expect(cells.length).toBe(3 * 5 + 6);
      const stacked = size.width < 640;
      for (const c of cells) expect(c.before).toBe(stacked ? JSON.stringify(c.label) : "none");
      expect(await phone.isVisible("#fleet-pools thead")).toBe(!stacked);
      expect(await axeViolations(phone)).toEqual([]);
      expect(errors).toEqual([]);
      await ctx.close();
    },
  );

  it("hides again when the editor holds a cluster plan", async () => {
    await page.fill("#plan-text", EXAMPLE_PLAN);
    await page.waitForSelector("#fleet-view[hidden]", { state: "attached" });
    expect(await page.isHidden("#fleet-view")).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
