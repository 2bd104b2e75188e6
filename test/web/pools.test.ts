/**
 * "Pools and parts" in Chromium: every node pool's mode (System, User, Gateway) and the cluster's other
 * parts (API server subnet, AGC …) for a plan, for `aksnet inspect -o json` and for a plan started from a
 * scanned cluster, at 1280×800 and on a phone (no sideways scrolling, axe-core clean).
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../src/adapters/cli/io.js";
import { run } from "../../src/adapters/cli/main.js";
import { axeViolations, CHROMIUM, editorText, launch, OUTPUT, ROOT, serve, type Served } from "./harness.js";

const LAYOUT_20 = readFileSync(join(ROOT, "examples/layout/overlay-cilium-20.yaml"), "utf8");
const HUB_UDR = readFileSync(join(ROOT, "examples/kinds/hub-udr.yaml"), "utf8");
const NAT = readFileSync(join(ROOT, "examples/kinds/nat-gateway.yaml"), "utf8");
const PRIVATE_GATEWAY = readFileSync(join(ROOT, "examples/kinds/gateway-private-ip.yaml"), "utf8");
const SCAN = readFileSync(join(ROOT, "src/adapters/importers/used/fixtures/aksnet-scan.json"), "utf8");

async function inspectJson(example = "gateway"): Promise<string> {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
  const args = [
    "inspect",
    "--from-dump",
    "src/adapters/inspect/fixtures/overlay-gateway.json",
    "--azure-from",
    `examples/inspect/${example}/az-aks-show.json`,
    `examples/inspect/${example}/az-network-vnet-show.json`,
    `examples/inspect/${example}/az-network-vnet-list-usage.json`,
    "-o",
    "json",
  ];
  expect(await run(args, io)).toBe(0);
  return io.stdout;
}

/** Each pool row as `name mode | nodes`. */
const rows = (page: Page) =>
  page.$$eval("#cluster-pools tbody tr", (trs) =>
    trs.map((tr) => {
      const td = Array.from(tr.querySelectorAll("td")).map((c) => c.textContent ?? "");
      return `${tr.getAttribute("data-pool")} ${tr.getAttribute("data-mode")} | ${td[2]}`;
    }),
  );
const parts = (page: Page) =>
  page.$$eval("#cluster-parts dt", (dts) =>
    dts.map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`),
  );

const SIZES = [
  { width: 1280, height: 800, scheme: "light" },
  { width: 390, height: 844, scheme: "light" },
  { width: 1280, height: 800, scheme: "dark" },
  { width: 390, height: 844, scheme: "dark" },
] as const;
type Size = (typeof SIZES)[number];

describe("Pools and parts in Chromium", () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launch>>;
  let inspect: string;
  const open = async (size: Size) => {
    const ctx = await browser.browser.newContext({
      viewport: { width: size.width, height: size.height },
      colorScheme: size.scheme,
    });
    ctx.setDefaultTimeout(45_000);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.waitForSelector("body[data-ready=true]");
    return { page, errors, close: () => ctx.close() };
  };
  const check = async (page: Page, name: string, size: Size) => {
    const shot = `pools-${name}-${size.width}-${size.scheme}.png`;
    await page.locator("#cluster-view").screenshot({ path: join(OUTPUT, shot) });
    const wide = await page.$$eval("#cluster-view, #cluster-view *", (els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 1).map((e) => e.tagName + e.id),
    );
    expect(wide).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium`);
    if (!existsSync(join(ROOT, "dist", "web", "index.html"))) throw new Error("dist/ is not built: run npm run build");
    mkdirSync(OUTPUT, { recursive: true });
    inspect = await inspectJson();
    served = await serve();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it.each(SIZES)(
    "a plan at $width×$height ($scheme): pool modes, gateway prefix, API server, AGC, reserved",
    async (size) => {
      const { page, errors, close } = await open(size);
      await page.fill("#plan-text", LAYOUT_20);
      await page.waitForSelector("body[data-settled=true] #cluster-view:not([hidden]) #cluster-pools");
      expect(await rows(page)).toEqual([
        "system System | 3",
        "user User | 3–40 (autoscaler)",
        "egress Gateway | 2, public IP prefix /30 (at most 4)",
      ]);
      expect(await parts(page)).toEqual([
        "API server: VNet integration in subnet aks-apiserver (not in vnet.subnets); public",
        "Application Gateway for Containers: subnet agc (not in vnet.subnets)",
        "Reserved addresses: 4 internal load balancer IPs in the node subnet",
      ]);
      await check(page, "plan", size);
      // No table of the page scrolls sideways (the ranking is one card per model on a phone).
      const scrolling = await page.$$eval(".table-wrap", (els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.firstElementChild?.id),
      );
      expect(scrolling).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    },
  );

  it.each([
    {
      name: "a route table to a hub firewall",
      text: HUB_UDR,
      parts: [
        "Outbound: outbound type userDefinedRouting",
        "Route table (UDR): rt-aks: 1 route, default route to VirtualAppliance 10.60.0.4, on aks-nodes",
      ],
    },
    {
      name: "a NAT gateway",
      text: NAT,
      parts: ["Outbound: outbound type userAssignedNATGateway", "NAT gateway: nat-aks, 2 public IPs, on aks-nodes"],
    },
  ])("$name: the outbound path, on a phone in dark mode", async ({ text, parts: want }) => {
    const { page, errors, close } = await open(SIZES[3]);
    await page.fill("#plan-text", text);
    await page.waitForSelector("body[data-settled=true] #cluster-view:not([hidden]) #cluster-parts");
    expect(await parts(page)).toEqual(want);
    await check(page, want[1]!.startsWith("NAT") ? "nat" : "udr", SIZES[3]);
    expect(errors).toEqual([]);
    await close();
  });

  it.each([SIZES[0], SIZES[3]])(
    "a gateway pool in private-IP mode at $width×$height ($scheme): its mode, its route out",
    async (size) => {
      const { page, errors, close } = await open(size);
      await page.fill("#plan-text", PRIVATE_GATEWAY);
      await page.waitForSelector("body[data-settled=true] #cluster-view:not([hidden]) #cluster-pools");
      expect(await rows(page)).toEqual([
        "system System | 3",
        "egress Gateway | 2, private-IP mode (VirtualMachines, preview: Kubernetes 1.34+, " +
          "a route out of its subnet), IP prefix /31 (at most 2)",
      ]);
      expect(await parts(page)).toEqual([
        "Outbound: outbound type loadBalancer",
        "Route table (UDR): rt-egress: 1 route, default route to VirtualAppliance 10.60.0.4, on aks-egress",
      ]);
      await check(page, "private-gateway", size);
      expect(errors).toEqual([]);
      await close();
    },
  );

  it.each(SIZES)("inspect -o json with its VNet's other subnets at $width×$height ($scheme)", async (size) => {
    const { page, errors, close } = await open(size);
    const json = await inspectJson("vnet");
    await page.fill("#plan-text", json);
    await page.waitForSelector("body[data-settled=true] #cluster-view:not([hidden]) #cluster-subnets");
    const want = (JSON.parse(json) as { azure: { vnetSubnets: { name: string; verdict: string }[] } }).azure
      .vnetSubnets;
    const got = await page.$$eval("#cluster-subnets tbody tr", (trs) =>
      trs.map((tr) => `${tr.getAttribute("data-subnet")} ${tr.getAttribute("data-verdict")}`),
    );
    expect(got).toEqual(want.map((s) => `${s.name} ${s.verdict}`));
    expect(await page.textContent('#cluster-subnets tr[data-subnet="AzureBastionSubnet"] td.problem')).toBe(
      "/27 is smaller than the /26 it needs at least; 2 of 27 used",
    );
    await check(page, "inspect-subnets", size);
    expect(errors).toEqual([]);
    await close();
  });

  it.each(SIZES.slice(0, 2))(
    "aksnet inspect -o json at $width×$height: modes as they run, the API server subnet",
    async (size) => {
      const { page, errors, close } = await open(size);
      await page.fill("#plan-text", inspect);
      await page.waitForSelector("body[data-settled=true] #cluster-view:not([hidden]) #cluster-pools");
      expect(await page.textContent("#input-status")).toBe(
        "Read aksnet inspect output: 3 node pools; see Pools and parts below.",
      );
      expect(await page.textContent("#cluster-lead")).toBe(
        "Cluster aks-synthetic: azure-cni-overlay (high confidence), dataplane azure, policy none.",
      );
      expect(await rows(page)).toEqual([
        "gateway Gateway | 2 running, configured 2",
        "system System | 2 running, configured 2",
        "user1 User | 1 running, configured 1–20 (autoscaler)",
      ]);
      expect(await parts(page)).toEqual([
        "API server: VNet integration in subnet aks-apiserver (10.224.2.0/28); public",
      ]);
      // Not a plan: nothing stale is shown, the other views wait for one.
      expect(await page.isHidden("#stale-note")).toBe(true);
      await check(page, "inspect", size);
      // A plan afterwards shows its own pools.
      await page.fill("#plan-text", LAYOUT_20);
      await page.waitForFunction(() => document.querySelector("#cluster-lead") === null);
      expect((await rows(page))[2]).toBe("egress Gateway | 2, public IP prefix /30 (at most 4)");
      expect(errors).toEqual([]);
      await close();
    },
  );

  it.each(SIZES)(
    "inspect -o json at $width×$height ($scheme): Start a plan from this cluster, then Undo",
    async (size) => {
      const { page, errors, close } = await open(size);
      const json = await inspectJson("vnet");
      await page.fill("#plan-text", json);
      await page.waitForSelector("body[data-settled=true] #cluster-view:not([hidden]) #inspect-plan");
      await check(page, "inspect-start", size);
      await page.click("#inspect-plan");
      await page.waitForFunction(() =>
        document.querySelector("#input-status")?.textContent?.startsWith("Read an aksnet plan"),
      );
      expect(await editorText(page)).toContain("# Started from aksnet inspect: cluster aks-synthetic");
      await page.waitForSelector("body[data-settled=true] #cluster-pools");
      expect(await rows(page)).toEqual([
        "system System | 2",
        "user1 User | 1–20 (autoscaler)",
        "gateway Gateway | 2, public IP prefix /31 (at most 2)",
      ]);
      expect(await parts(page)).toEqual([
        "API server: VNet integration in subnet aks-apiserver (10.224.2.0/28); public",
      ]);
      expect(await page.textContent("#undo-status")).toContain("cluster aks-synthetic from aksnet inspect");
      await page.click("#undo");
      await page.waitForSelector("#inspect-plan");
      expect(await editorText(page)).toBe(json);
      expect(errors).toEqual([]);
      await close();
    },
  );

  it("inspect -o json without --azure: no plan to start, the hint says how", async () => {
    const { page, errors, close } = await open(SIZES[1]);
    const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
    const args = ["inspect", "--from-dump", "src/adapters/inspect/fixtures/overlay-gateway.json", "-o", "json"];
    expect(await run(args, io)).toBe(0);
    await page.fill("#plan-text", io.stdout);
    await page.waitForSelector("body[data-settled=true] #cluster-view:not([hidden]) #inspect-plan-hint");
    expect(await page.$("#inspect-plan")).toBeNull();
    await check(page, "inspect-no-azure", SIZES[1]);
    expect(errors).toEqual([]);
    await close();
  });

  it("a plan started from a scanned cluster shows its pools with the scan's modes", async () => {
    const { page, errors, close } = await open(SIZES[0]);
    await page.fill("#plan-text", SCAN);
    await page.waitForSelector("#scan-view:not([hidden]) #scan-cluster");
    expect(await page.isHidden("#cluster-view")).toBe(true);
    await page.selectOption("#scan-cluster", "aks-payments-weu");
    await page.click("#scan-cluster-plan");
    await page.waitForSelector("body[data-settled=true] #cluster-view:not([hidden]) #cluster-pools");
    const report = JSON.parse(SCAN) as { clusters: { name: string; pools: { name: string; mode: string }[] }[] };
    const want = report.clusters.find((c) => c.name === "aks-payments-weu")!.pools;
    const got = await page.$$eval("#cluster-pools tbody tr", (trs) =>
      trs.map((tr) => ({ name: tr.getAttribute("data-pool"), mode: tr.getAttribute("data-mode") })),
    );
    expect(got).toEqual(want.map((p) => ({ name: p.name, mode: p.mode })));
    expect(errors).toEqual([]);
    await close();
  });
});
