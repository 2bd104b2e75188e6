/**
 * The web planner tells one story: a verdict and the first action above the fold, presets that can
 * be undone with Back, results kept (marked stale) while the text is half-typed, files by drop,
 * dark mode, no layout shift, and no accessibility violation (axe-core) in any of those states.
 * Screenshots go to test-output/; the tests read their layout boxes for overlap.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRESETS } from "../../src/adapters/web/presets.js";
import { EXAMPLE_PLAN } from "../../src/adapters/web/state.js";
import { CHROMIUM, editorText, launch, OUTPUT, ROOT, serve, type Served } from "./harness.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Boxes of the elements that must not overlap one another. */
async function boxes(page: Page, selectors: readonly string[]): Promise<Box[]> {
  return page.evaluate(
    (sels) =>
      sels.flatMap((s) => {
        const el = document.querySelector(s);
        if (!el) return [];
        const r = el.getBoundingClientRect();
        return [{ id: s, x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height }];
      }),
    selectors,
  );
}

function overlaps(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5
  );
}

/** axe-core's violations on the page as it is, as `rule: target` lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    return (await axe.run()).violations.map(
      (v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  });
  return result;
}

describe("the planner's story in Chromium", () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launch>>;
  const open = async (size: (typeof SIZES)[number], scheme: "light" | "dark" = "light", hash = "") => {
    const b: Browser = browser.browser;
    const ctx = await b.newContext({ viewport: { width: size.width, height: size.height }, colorScheme: scheme });
    ctx.setDefaultTimeout(45_000);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(served.url + hash);
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

  it.each(SIZES)(
    "$name ($width×$height): the verdict and the first action are above the fold, nothing overlaps",
    async (size) => {
      const { page, errors, close } = await open(size);
      const headline = await page.textContent("#verdict-headline");
      expect(headline).toMatch(
        /^Fits: 10 nodes at peak; pool system can grow by 222 more nodes before the pod CIDR runs out\.$/,
      );
      expect(await page.textContent("#verdict-action")).toMatch(/^First: Generate the code/);
      const [verdict] = await boxes(page, ["#verdict"]);
      expect(verdict && verdict.y + verdict.height).toBeLessThanOrEqual(size.height);
      const shown = await boxes(page, [
        "#verdict-headline",
        "#verdict-action",
        ".starts label",
        "#preset",
        ".guide summary",
        "#inputs-title",
      ]);
      for (const a of shown)
        for (const b of shown) if (a !== b) expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false);
      await page.screenshot({ path: join(OUTPUT, `story-${size.name}-${size.width}x${size.height}.png`) });
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    },
  );

  it("a failing plan says why and links its fix; axe finds nothing on the phone", async () => {
    const { page, close } = await open(SIZES[1]);
    await page.fill("#plan-text", EXAMPLE_PLAN.replace("10.224.0.0/22", "10.224.0.0/29"));
    await page.waitForSelector('#verdict[data-status="fails"]');
    expect(await page.textContent("#verdict-headline")).toMatch(/^Fails check: /);
    const link = page.locator("#verdict-action a");
    const rule = await link.getAttribute("data-rule");
    await link.click();
    // The address keeps the plan; the focus moves to the finding.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`finding-${rule}`);
    await page.waitForFunction(() => location.hash.includes("z="));
    expect(await page.evaluate(() => location.hash.includes("finding"))).toBe(false);
    expect(await page.isVisible(`#finding-${rule}`)).toBe(true);
    await page.screenshot({ path: join(OUTPUT, "story-fails-390x844.png") });
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it("half-typed text keeps the last results, marked stale, with the problem above the editor", async () => {
    const { page, close } = await open(SIZES[0]);
    await page.fill("#plan-text", EXAMPLE_PLAN.replace("nodePools:", "nodePools: [\n"));
    await page.waitForSelector('#verdict[data-status="stale"]');
    expect(await page.isVisible("#stale-note")).toBe(true);
    expect(await page.textContent("#input-status")).toMatch(/not valid YAML/);
    // The results of the last readable plan stay: the comparison, the chart and the code.
    expect(await page.locator("#compare-table tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("#chart-svg").count()).toBe(1);
    expect(await page.locator("#generated-code").count()).toBe(1);
    // The problem is in view beside the editor (its box: #plan-text scrolls inside it).
    const [status, editor] = await boxes(page, ["#input-status", ".editor .cm-editor"]);
    expect(status && editor && status.y + status.height <= editor.y + 1).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill("#plan-text", EXAMPLE_PLAN);
    await page.waitForSelector('#verdict[data-status="fits"]');
    expect(await page.isVisible("#stale-note")).toBe(false);
    await close();
  });

  it("a preset replaces the plan, and Back (or Undo) returns to the plan before", async () => {
    const { page, close } = await open(SIZES[0]);
    const mine = EXAMPLE_PLAN.replace("count: 3", "count: 4");
    await page.fill("#plan-text", mine);
    await page.waitForFunction(() => location.hash.includes("z="));
    for (const preset of PRESETS.slice(1)) {
      await page.selectOption("#preset", preset.id);
      await page.waitForFunction(
        (t) => (document.querySelector("#plan-text") as HTMLTextAreaElement).value === t,
        preset.text,
      );
      await page.waitForSelector('#verdict[data-status="fits"]');
    }
    await page.goBack();
    await page.waitForFunction(
      (t) => (document.querySelector("#plan-text") as HTMLTextAreaElement).value === t,
      PRESETS[3]!.text,
    );
    await page.selectOption("#preset", "slash-24");
    await page.click("#undo");
    await page.waitForFunction(
      (t) => (document.querySelector("#plan-text") as HTMLTextAreaElement).value === t,
      PRESETS[3]!.text,
    );
    for (let i = 0; i < 3; i++) await page.goBack();
    await page.waitForFunction((t) => (document.querySelector("#plan-text") as HTMLTextAreaElement).value === t, mine);
    await close();
  });

  it("switching the model removes what no longer applies, disables what does not, and Undo restores it", async () => {
    const { page, close } = await open(SIZES[0]);
    await page.selectOption("#field-model", "kubenet");
    await page.waitForFunction(() =>
      (document.querySelector("#plan-text") as HTMLTextAreaElement).value.includes("plugin: kubenet"),
    );
    const text = await editorText(page);
    expect(text).not.toMatch(/policy: cilium|dataplane: cilium/);
    expect(await page.isDisabled("#field-dataplane")).toBe(true);
    expect(await page.textContent("#undo-status")).toContain("network.policy cilium");
    await page.selectOption("#field-model", "azure-cni-node-subnet");
    await page.waitForFunction(
      () => !(document.querySelector("#plan-text") as HTMLTextAreaElement).value.includes("podCidrs"),
    );
    expect(await page.isDisabled("#field-podCidr")).toBe(true);
    expect(await page.textContent("#field-podCidr-hint")).toMatch(/no pod CIDR/);
    await page.click("#undo");
    await page.waitForFunction(() =>
      (document.querySelector("#plan-text") as HTMLTextAreaElement).value.includes("podCidrs"),
    );
    await page.goBack();
    await page.waitForFunction(() =>
      (document.querySelector("#plan-text") as HTMLTextAreaElement).value.includes("policy: cilium"),
    );
    expect(await editorText(page)).toBe(EXAMPLE_PLAN);
    await close();
  });

  it("a switch to a Pod Subnet model with no room for the pods' subnet is refused: plan and model stay", async () => {
    const { page, errors, close } = await open(SIZES[0]);
    const full = EXAMPLE_PLAN.replace("addressSpace: [10.224.0.0/12]", "addressSpace: [10.224.0.0/22]").replace(
      "    - { name: shared, cidr: 10.224.8.0/24 }\n",
      "",
    );
    await page.fill("#plan-text", full);
    await page.waitForSelector('body[data-settled=true] #verdict[data-status="fits"]');
    await page.selectOption("#field-model", "azure-cni-pod-subnet-dynamic");
    await page.waitForSelector("#refused");
    expect(await page.textContent("#refused")).toMatch(
      /^There is no room in the VNet for the pods' subnet: no free \/\d+ for subnet "aks-pods".*widen the VNet address space/,
    );
    expect(await editorText(page)).toBe(full);
    expect(await page.inputValue("#field-model")).toBe("azure-cni-overlay");
    expect(await page.getAttribute("#verdict", "data-status")).toBe("fits");
    expect(await axeViolations(page)).toEqual([]);
    // With room, the same switch goes through and adds the pods' subnet where aksnet layout puts it.
    await page.fill("#plan-text", EXAMPLE_PLAN);
    // The next edit takes the reason away; the switch then starts from the example (2 subnets).
    await page.waitForSelector("#refused", { state: "detached" });
    await page.waitForFunction(() => /2 subnets/.test(document.querySelector("#input-status")?.textContent ?? ""));
    // As a user's click would, the focus leaves the editor (the editor's text is not replaced under the caret).
    await page.focus("#field-model");
    await page.selectOption("#field-model", "azure-cni-pod-subnet-dynamic");
    await page.waitForFunction(() =>
      document.querySelector<HTMLTextAreaElement>("#plan-text")?.value.includes("aks-pods"),
    );
    expect(await page.isVisible("#refused")).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it("reads a file dropped on the page", async () => {
    const { page, close } = await open(SIZES[0]);
    const json = readFileSync(join(ROOT, "examples", "imports", "aks-show.json"), "utf8");
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "aks-show.json", { type: "application/json" }));
      document
        .querySelector("#plan-text")
        ?.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, json);
    await page.waitForFunction(() =>
      document.querySelector("#input-status")?.textContent?.startsWith("Read az aks show output"),
    );
    expect(await page.textContent("#undo-status")).toContain("aks-show.json");
    await close();
  });

  it.each(SIZES)("$name in dark mode: dark colours, no axe violation (contrast included)", async (size) => {
    const { page, close } = await open(size, "dark");
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe("rgb(13, 17, 23)");
    await page.screenshot({ path: join(OUTPUT, `story-dark-${size.name}-${size.width}x${size.height}.png`) });
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it.each([
    { name: "320 px reflow", width: 320, height: 640 },
    { name: "200% zoom of 1280×800", width: 640, height: 400 },
  ] as const)("$name: no horizontal scrolling, chart text at 12 px or more, no axe violation", async (size) => {
    const { page, close } = await open(size as unknown as (typeof SIZES)[number]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Rendered size of each chart text: its font size times the drawing's scale on screen.
    const smallest = await page.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>("#chart-svg");
      if (!svg) return 0;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return Math.min(
        ...Array.from(svg.querySelectorAll("text")).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale),
      );
    });
    expect(smallest).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: join(OUTPUT, `story-${size.width}x${size.height}.png`), fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it("loads without layout shift (CLS under 0.1)", async () => {
    const { page, close } = await open(SIZES[0]);
    await page.waitForTimeout(500);
    const cls = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          let sum = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
              if (!e.hadRecentInput) sum += e.value;
          }).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => done(sum), 200);
        }),
    );
    expect(cls).toBeLessThan(0.1);
    await close();
  });
});
