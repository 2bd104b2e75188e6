/**
 * The web planner end to end, in Debian's Chromium: the page served by the real
 * `aksnet serve` must show the same numbers and text as the CLI. Needs the
 * build (`npm test` builds first) and /usr/bin/chromium (`.ci/run` installs it).
 * Screenshots go to test-output/ for a person to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/adapters/cli/main.js";
import { memoryIo } from "../../src/adapters/cli/io.js";
import { EXAMPLE_PLAN } from "../../src/adapters/web/state.js";
import { CHROMIUM, editorText, launch, OUTPUT, ROOT, serve, type Served } from "./harness.js";

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
  const code = await run(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const OVERLAPPING_POD_CIDR = `apiVersion: aksnet/v1
kind: ClusterPlan
name: aks-overlap
kubernetesVersion: "1.33"
network:
  plugin: azure
  pluginMode: overlay
  podCidrs: [10.224.0.0/16]
vnet:
  name: vnet-aks
  addressSpace: [10.224.0.0/12]
  subnets:
    - { name: aks-nodes, cidr: 10.224.0.0/22 }
nodePools:
  - { name: system, mode: System, count: 3, subnet: aks-nodes }
`;

const toNumber = (s: string | null) => Number((s ?? "").replace(/,/g, ""));

describe("web planner in Chromium", () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launch>>;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const requests: string[] = [];
  const tmp = mkdtempSync(join(tmpdir(), "aksnet-e2e-"));

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`,
      );
    if (!existsSync(join(ROOT, "dist", "web", "index.html")))
      throw new Error("dist/ is not built: run npm run build first");
    mkdirSync(OUTPUT, { recursive: true });
    served = await serve();
    browser = await launch();
    context = await browser.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: served.url.replace(/\/$/, "") });
    // The suite shares two cores with the rest of `npm test`: waits get room, the test timeout still bounds them.
    context.setDefaultTimeout(45_000);
    // Every Content-Security-Policy violation the page raises, from the first script on.
    await context.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("request", (r) => requests.push(r.url()));
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
    rmSync(tmp, { recursive: true, force: true });
  });

  it("is served from 127.0.0.1 with a strict CSP and loads without errors", async () => {
    const res = await page.request.get(served.url);
    expect(res.headers()["content-security-policy"]).toMatch(/default-src 'self'/);
    expect(res.headers()["content-security-policy"]).not.toMatch(/unsafe-inline/);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(pageErrors).toEqual([]);
    // Nothing is fetched from elsewhere: every request goes to the server that served the page.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(served.url))).toEqual([]);
  });

  it("raises no Content-Security-Policy violation on load (zod parses jitless: no eval probe)", async () => {
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });

  it("is served compressed, with the script and style cached by content", async () => {
    const html = await page.request.get(served.url, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(html.headers()["content-encoding"]).toBe("br");
    expect(html.headers()["cache-control"]).toBe("no-cache");
    const text = await html.text();
    // A small boot script loads the bundle once the first paint is shown (scripts/build-web.mjs): not preloaded,
    // its fetch and compile would take CPU from that paint.
    expect(text).not.toContain("modulepreload");
    const boot = /<script type="module" src="(boot-[0-9a-f]+\.js)"><\/script>/.exec(text)?.[1];
    expect(boot).toBeDefined();
    const script = /import\("\.\/(app-[0-9a-f]+\.js)"\)/.exec(
      await (await page.request.get(served.url + String(boot))).text(),
    )?.[1];
    expect(script).toBeDefined();
    const js = await page.request.get(served.url + script, { headers: { "Accept-Encoding": "gzip" } });
    expect(js.headers()["content-encoding"]).toBe("gzip");
    expect(js.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    // The worker that reads and checks the plan (src/adapters/web/client/plan-worker.ts), named in the bundle.
    const worker = /plan-worker-[0-9a-f]{10}\.js/.exec(await js.text())?.[0];
    expect(worker).toBeDefined();
    const w = await page.request.get(served.url + worker, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(w.headers()["content-encoding"]).toBe("br");
    expect(w.headers()["content-type"]).toMatch(/^text\/javascript/);
    expect(w.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  // The boot script's three paths (scripts/build-web.mjs): on the first paint entry, after the first frame without
  // paint timing, on a timer in a hidden tab (no frame is painted). Each runs the planner; in a visible tab its bundle
  // is fetched only after the first contentful paint.
  const bootCases: { name: string; before?: () => void }[] = [
    { name: "a visible tab: after the first paint entry" },
    {
      name: "no paint timing: after the first frame",
      before: () => Object.defineProperty(PerformanceObserver, "supportedEntryTypes", { get: () => ["mark"] }),
    },
    {
      name: "a hidden tab: on the timer",
      before: () => Object.defineProperty(document, "visibilityState", { get: () => "hidden" }),
    },
  ];
  it.each(bootCases)("boots the planner: $name", async ({ before }) => {
    const ctx = await browser.browser.newContext({ viewport: { width: 1280, height: 800 } });
    ctx.setDefaultTimeout(45_000);
    if (before) await ctx.addInitScript(before);
    const p = await ctx.newPage();
    await p.goto(served.url);
    await p.waitForSelector("body[data-ready=true]");
    const { fcp, bundle } = await p.evaluate(() => ({
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
      bundle: performance.getEntriesByType("resource").find((r) => /\/app-[0-9a-f]+\.js$/.test(r.name))?.startTime,
    }));
    expect(bundle).toBeDefined();
    if (!before) expect(bundle).toBeGreaterThanOrEqual(fcp);
    expect(await p.textContent("#verdict-headline")).not.toBe("Reading the plan…");
    await ctx.close();
  });

  /** The comparison table's rows as the page shows them. */
  const pageRows = () =>
    page.$$eval("#compare-table tbody tr", (trs) =>
      trs.map((tr) => ({
        model: tr.getAttribute("data-model"),
        dataplane: tr.getAttribute("data-dataplane"),
        cells: Object.fromEntries(
          Array.from(tr.querySelectorAll("td[data-field]")).map((td) => [
            td.getAttribute("data-field"),
            td.textContent,
          ]),
        ),
      })),
    );

  /** The page's table equals `aksnet <the command the page shows> -o json`, row by row and number by number. */
  async function expectCompareEqualsCli(): Promise<string> {
    const command = (await page.textContent("#compare-command")) ?? "";
    const rows = await pageRows();
    const { code, stdout } = await cli([...command.split(" ").slice(1), "-o", "json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {
      models: {
        model: string;
        dataplane: string | null;
        maxPodsPerNode: number;
        maxNodes: number;
        maxPods: number;
        limitedBy: string;
        withSurge: { maxNodes: number; maxPods: number };
        addressesPerNode: { nodeSubnet: number };
      }[];
    };
    expect(rows.map((r) => `${r.model}/${r.dataplane}`)).toEqual(
      json.models.map((m) => `${m.model}/${m.dataplane ?? "none"}`),
    );
    json.models.forEach((m, i) => {
      const c = rows[i]?.cells ?? {};
      expect(
        {
          maxPodsPerNode: toNumber(c["maxPodsPerNode"] ?? null),
          nodeSubnet: toNumber(c["addressesPerNode.nodeSubnet"] ?? null),
          maxNodes: toNumber(c["maxNodes"] ?? null),
          maxPods: toNumber(c["maxPods"] ?? null),
          surgeNodes: toNumber(c["withSurge.maxNodes"] ?? null),
          surgePods: toNumber(c["withSurge.maxPods"] ?? null),
        },
        `${m.model}/${m.dataplane}`,
      ).toEqual({
        maxPodsPerNode: m.maxPodsPerNode,
        nodeSubnet: m.addressesPerNode.nodeSubnet,
        maxNodes: m.maxNodes,
        maxPods: m.maxPods,
        surgeNodes: m.withSurge.maxNodes,
        surgePods: m.withSurge.maxPods,
      });
    });
    return command;
  }

  it("shows the /24 example's comparison with the numbers of aksnet compare -o json", async () => {
    await page.fill("#compare-subnet", "10.224.0.0/22");
    await page.waitForFunction(() => document.querySelector("#compare-command")?.textContent?.includes("/22"));
    await page.click("#compare-example");
    await page.waitForFunction(() =>
      document.querySelector("#compare-command")?.textContent?.includes("10.224.0.0/24"),
    );
    await expectCompareEqualsCli();
    // The documented figures: a /24 holds 251 kubenet nodes and 8 Node Subnet nodes at 30 pods.
    const rows = await pageRows();
    expect(rows.find((r) => r.model === "kubenet")?.cells["maxNodes"]).toBe("251");
    await page.click("#compare-plan");
    await page.waitForFunction(() => document.querySelector("#compare-command")?.textContent?.includes("/22"));
  });

  it("one plan drives the comparison, the chart and the code: Kubernetes 1.27 means surge 1 everywhere", async () => {
    await page.fill("#plan-text", EXAMPLE_PLAN);
    await page.waitForFunction(() => document.querySelector("#compare-command")?.textContent?.includes("1.33"));
    // The plan's node subnet, pod CIDR, max pods and version, as flags the CLI takes.
    expect(await expectCompareEqualsCli()).toBe(
      "aksnet compare --subnet 10.224.0.0/22 --pod-cidr 10.244.0.0/16 --max-pods 110 --kubernetes-version 1.33",
    );
    await page.fill("#field-kubernetesVersion", "1.27");
    await page.waitForFunction(() => document.querySelector("#compare-command")?.textContent?.endsWith("1.27"));
    await expectCompareEqualsCli();
    expect(await page.textContent("#compare-table thead")).toContain("Nodes, surge 1");
    expect(await page.textContent("#chart .hint")).toContain("max surge 1;");
    await page.waitForSelector("#generated-code");
    expect(await page.textContent("#generated-code")).toContain("nodePools[0].maxSurge: 1 (1 node)");
  });

  it("shows the overlap finding and marks the map for a pod CIDR inside the VNet", async () => {
    await page.fill("#plan-text", OVERLAPPING_POD_CIDR);
    await page.waitForSelector('#findings li[data-rule="pod-cidr-overlaps-network"]');
    const finding = await page.textContent('#findings li[data-rule="pod-cidr-overlaps-network"]');
    const file = join(tmp, "overlap.yaml");
    writeFileSync(file, OVERLAPPING_POD_CIDR);
    const { code, stdout } = await cli(["check", file, "-o", "json"]);
    expect(code).toBe(1);
    const cliFinding = (
      JSON.parse(stdout) as { findings: { ruleId: string; message: string; fix: string }[] }
    ).findings.find((f) => f.ruleId === "pod-cidr-overlaps-network");
    expect(cliFinding).toBeDefined();
    expect(finding).toContain(cliFinding?.message);
    expect(finding).toContain(cliFinding?.fix);
    expect(await page.locator("#map .lane.band").count()).toBeGreaterThan(0);
    expect(await page.locator("#map .panel > .lane.pods .bar.overlap").count()).toBe(1);
    await page.locator("#findings-view").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, "planner-overlap-1280x800.png"), fullPage: false });
  });

  it("moves the chart marker and the needed addresses when the node count changes", async () => {
    await page.fill("#plan-text", EXAMPLE_PLAN);
    // The verdict paints first; the chart follows in the next task (body[data-settled] once every view is drawn).
    await page.waitForSelector("body[data-settled=true]", { state: "attached" });
    await page.waitForSelector("#chart-marker", { state: "attached" });
    const before = {
      x: await page.getAttribute("#chart-marker", "x1"),
      needed: await page.textContent('#chart .legend li [data-field="atMarker"]'),
    };
    await page.fill("#nodes-number", "400");
    await page.waitForFunction(() => document.querySelector("#chart-svg")?.getAttribute("data-marker") === "400");
    const after = {
      x: await page.getAttribute("#chart-marker", "x1"),
      needed: await page.textContent('#chart .legend li [data-field="atMarker"]'),
    };
    expect(Number(after.x)).toBeGreaterThan(Number(before.x));
    // The marker starts at the plan's peak (maxCount 10). One address per node, 10% surge rounded up: 10 nodes need 11,
    // 400 need 440.
    expect([before.needed, after.needed]).toEqual(["11", "440"]);
    await page.waitForFunction(() => location.hash.includes("nodes=400"));
  });

  it("copies the generated az script, equal to aksnet generate --format az", async () => {
    await page.fill("#plan-text", EXAMPLE_PLAN);
    await page.click('button.format[data-format="az"]');
    await page.waitForSelector("#generated-code", { timeout: 5000 });
    await page.click("#copy-code");
    await page.waitForFunction(() => document.querySelector("#generate-status")?.textContent?.includes("Copied"));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const file = join(tmp, "aksnet.yaml");
    writeFileSync(file, EXAMPLE_PLAN);
    const { code, stdout } = await cli(["generate", "--format", "az", file]);
    expect(code).toBe(0);
    expect(copied).toBe(stdout);
  });

  it("ranks the models like aksnet recommend, and a requirement checkbox changes the ranking", async () => {
    await page.fill("#plan-text", EXAMPLE_PLAN);
    await page.waitForSelector("#recommend-table");
    const ids = () =>
      page.$$eval("#recommend-table tbody tr", (trs) =>
        trs.map((tr) => `${tr.getAttribute("data-candidate")} ${tr.querySelectorAll("td")[1]?.textContent}`),
      );
    const cliIds = async (text: string) => {
      const file = join(tmp, "recommend.yaml");
      writeFileSync(file, text);
      const { stdout } = await cli(["recommend", file, "-o", "json"]);
      return (JSON.parse(stdout) as { ranked: { id: string; total: number }[] }).ranked.map(
        (c) => `${c.id} ${c.total}`,
      );
    };
    expect(await ids()).toEqual(await cliIds(EXAMPLE_PLAN));
    await page.check("#field-req-windows");
    await page.waitForFunction(
      () => !document.querySelector('#recommend-table tr[data-candidate="azure-cni-overlay/cilium"]'),
    );
    const withWindows = await editorText(page);
    expect(withWindows).toContain("windows: true");
    expect(await ids()).toEqual(await cliIds(withWindows));
  });

  it("loads an az aks show file, reads it with the importers and converts it to aksnet.yaml", async () => {
    await page.setInputFiles("#plan-file", join(ROOT, "examples", "imports", "aks-show.json"));
    await page.waitForFunction(() =>
      document.querySelector("#input-status")?.textContent?.startsWith("Read az aks show output"),
    );
    expect(await page.isVisible("#convert")).toBe(true);
    await page.click("#convert");
    await page.waitForFunction(() =>
      (document.querySelector("#plan-text") as HTMLTextAreaElement).value.startsWith("apiVersion: aksnet/v1"),
    );
    await page.waitForFunction(() =>
      document.querySelector("#input-status")?.textContent?.startsWith("Read an aksnet plan"),
    );
    expect(await page.isVisible("#convert")).toBe(false);
  });

  it("downloads the generated Bicep, equal to aksnet generate --format bicep", async () => {
    await page.fill("#plan-text", EXAMPLE_PLAN);
    await page.click('button.format[data-format="bicep"]');
    await page.waitForFunction(() => document.querySelector("#generate-command")?.textContent?.endsWith("bicep"));
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-code")]);
    expect(download.suggestedFilename()).toBe("main.bicep");
    const saved = join(tmp, "main.bicep");
    await download.saveAs(saved);
    const file = join(tmp, "aksnet.yaml");
    writeFileSync(file, EXAMPLE_PLAN);
    const { stdout } = await cli(["generate", "--format", "bicep", file]);
    expect(readFileSync(saved, "utf8")).toBe(stdout);
    await page.click('button.format[data-format="az"]');
  });

  it("refuses a plan over 512 KiB with one sentence and keeps working", async () => {
    await page.fill("#plan-text", `# ${"x".repeat(600 * 1024)}\n`);
    await page.waitForFunction(() =>
      document.querySelector("#input-status")?.textContent?.includes("the page reads at most 512 KiB"),
    );
    expect((await editorText(page)).length).toBeGreaterThan(600 * 1024);
    await page.fill("#plan-text", EXAMPLE_PLAN);
    await page.waitForFunction(() =>
      document.querySelector("#input-status")?.textContent?.startsWith("Read an aksnet plan"),
    );
    expect(pageErrors).toEqual([]);
  });

  it("keeps the plan in the URL, compressed: a reload shows the same plan", async () => {
    const text = EXAMPLE_PLAN.replace("count: 3", "count: 7");
    await page.fill("#plan-text", text);
    // The link carries the plan as base64url of deflate-raw (z=), decoded here independently of the page's code.
    const linked = () =>
      page.evaluate(async () => {
        const z = /[#&]z=([^&]*)/.exec(location.hash)?.[1];
        if (!z) return undefined;
        const bytes = Uint8Array.from(atob(z.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
        const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
        return new Response(inflated).text();
      });
    // waitForFunction takes a returned promise as a true value: poll the asynchronous decode by hand.
    for (let i = 0; i < 200 && (await linked()) !== text; i++) await page.waitForTimeout(50);
    expect(await linked()).toBe(text);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    expect(await editorText(page)).toBe(text);
    expect(await page.inputValue("#field-count")).toBe("7");
  });

  it("is usable from the keyboard: the skip link, the verdict's action, the presets, then the form", async () => {
    await page.goto(served.url);
    await page.waitForSelector("body[data-ready=true]");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the results");
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ""));
    }
    expect(order).toEqual(["A", "preset", "SUMMARY", "field-model"]);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-dataplane");
  });

  it.each([
    { name: "desktop", width: 1280, height: 800 },
    { name: "phone", width: 390, height: 844 },
  ])("renders at $name size ($width×$height) without horizontal scrolling", async ({ name, width, height }) => {
    const ctx = await browser.browser.newContext({ viewport: { width, height } });
    const p = await ctx.newPage();
    await p.goto(served.url);
    await p.waitForSelector("body[data-ready=true]");
    const overflow = await p.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    await p.screenshot({ path: join(OUTPUT, `planner-${name}-${width}x${height}.png`), fullPage: true });
    await ctx.close();
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
