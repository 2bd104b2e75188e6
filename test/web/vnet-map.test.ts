/**
 * The VNet map in Chromium: labelled blocks for every subnet, the subnets `aksnet layout` proposes (the same
 * CIDRs as the CLI's `layout -o json`), free blocks split, joined and made subnets (undone by Undo), and a
 * 30-pool plan at 1280×800 and 390×844, light and dark: labels inside their blocks and apart, no horizontal
 * scrolling on the phone, fills at 3:1 or more against the page, no axe violation. Screenshots in test-output/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, editorText, launch, OUTPUT, ROOT, serve, type Served } from "./harness.js";
import { thirtyPools } from "./plans.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const LAYOUT_EXAMPLE = "examples/layout/overlay-cilium-20.yaml";

async function axeViolations(page: Page, within: string): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run(c: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return (await axe.run({ include: [sel] })).violations.map(
      (v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  }, within);
}

/** Rows of the map's tables as "what | cidr" text. */
async function rows(page: Page): Promise<string[]> {
  return page.$$eval("#vnet-map tr.vrow", (trs) =>
    trs.map((tr) => {
      const cells = Array.from(tr.querySelectorAll("td"));
      return `${cells[0]?.textContent?.trim() ?? ""} | ${cells[1]?.textContent?.trim() ?? ""}`;
    }),
  );
}

/** Label boxes that leave their block or overlap another label, and fills under 3:1 against the page. */
async function drawingProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const lum = (c: string) => {
      const m = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)/.exec(c);
      if (!m) return NaN;
      const lin = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(+m[1]!) + 0.7152 * lin(+m[2]!) + 0.0722 * lin(+m[3]!);
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    const page = getComputedStyle(document.body).backgroundColor;
    const texts = Array.from(document.querySelectorAll<SVGTextElement>("#vnet-map .seg text"));
    const boxes = texts.map((t) => t.getBoundingClientRect());
    texts.forEach((t, i) => {
      const seg = (t.parentNode as SVGSVGElement).querySelector("rect")!.getBoundingClientRect();
      const b = boxes[i]!;
      if (b.left < seg.left - 0.5 || b.right > seg.right + 0.5 || b.top < seg.top - 0.5 || b.bottom > seg.bottom + 0.5)
        out.push(`label "${t.textContent}" leaves its block`);
      for (let j = i + 1; j < boxes.length; j++) {
        const c = boxes[j]!;
        if (b.left < c.right - 0.5 && c.left < b.right - 0.5 && b.top < c.bottom - 0.5 && c.top < b.bottom - 0.5)
          out.push(`labels "${t.textContent}" and "${texts[j]!.textContent}" overlap`);
      }
      if (parseFloat(getComputedStyle(t).fontSize) < 12) out.push(`label "${t.textContent}" under 12 px`);
    });
    // A named block is a viewport of its own (svg.seg), a narrow one a group (g.seg).
    for (const seg of Array.from(document.querySelectorAll<SVGElement>("#vnet-map svg.seg, #vnet-map g.seg"))) {
      const rect = seg.querySelector("rect")!;
      const s = getComputedStyle(rect);
      const fill = s.fill;
      const kind = seg.getAttribute("class") ?? "";
      // Filled blocks stand out by their fill; outlined ones (free, proposed, growth) by their outline.
      const shown = /\b(subnet|avoided)\b/.test(kind) ? fill : s.stroke;
      if (ratio(shown, page) < 3) out.push(`${kind}: ${shown} on ${page} is ${ratio(shown, page).toFixed(2)}:1`);
      const text = seg.querySelector("text");
      // A label sits on its block's fill.
      if (text && ratio(getComputedStyle(text).fill, fill) < 4.5)
        out.push(`${kind}: label ${getComputedStyle(text).fill} on ${fill} under 4.5:1`);
    }
    return [...new Set(out)];
  });
}

/** Run names under a zoomed bar that leave the band, overlap one another, are under 12 px or under 4.5:1. */
async function bandProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const lum = (c: string) => {
      const m = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)/.exec(c);
      if (!m) return NaN;
      const lin = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(+m[1]!) + 0.7152 * lin(+m[2]!) + 0.0722 * lin(+m[3]!);
    };
    // The colour behind the band: its nearest ancestor's that is not transparent.
    const behind = (el: Element | null): string => {
      for (; el; el = el.parentElement) {
        const c = getComputedStyle(el).backgroundColor;
        if (!/rgba\(.*, 0\)$/.test(c) && c !== "transparent") return c;
      }
      return "rgb(255, 255, 255)";
    };
    for (const band of Array.from(document.querySelectorAll<SVGSVGElement>("#vnet-map .vband"))) {
      const bg = behind(band);
      const area = band.getBoundingClientRect();
      const texts = Array.from(band.querySelectorAll<SVGTextElement>(".run-name"));
      const boxes = texts.map((t) => t.getBoundingClientRect());
      texts.forEach((t, i) => {
        const b = boxes[i]!;
        if (
          b.left < area.left - 0.5 ||
          b.right > area.right + 0.5 ||
          b.top < area.top - 0.5 ||
          b.bottom > area.bottom + 0.5
        )
          out.push(`"${t.textContent}" leaves its band`);
        for (const c of boxes.slice(i + 1))
          if (b.left < c.right && c.left < b.right && b.top < c.bottom && c.top < b.bottom)
            out.push(`"${t.textContent}" overlaps another run's name`);
        if (parseFloat(getComputedStyle(t).fontSize) < 12) out.push(`"${t.textContent}" under 12 px`);
        const [x, y] = [lum(getComputedStyle(t).fill), lum(bg)].sort((p, q) => q - p);
        if ((x! + 0.05) / (y! + 0.05) < 4.5) out.push(`"${t.textContent}" under 4.5:1`);
      });
    }
    return out;
  });
}

describe("the VNet map in Chromium", () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launch>>;
  const open = async (width: number, height: number, scheme: "light" | "dark" = "light") => {
    const ctx = await browser.browser.newContext({ viewport: { width, height }, colorScheme: scheme });
    ctx.setDefaultTimeout(45_000);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.waitForSelector("body[data-ready=true]");
    return { page, errors, close: () => ctx.close() };
  };
  /** Loads a plan and brings the map into view: it is drawn only there (lazy-draw.ts). */
  const load = async (page: Page, text: string) => {
    await page.fill("#plan-text", text);
    await page.waitForFunction((t) => document.querySelector<HTMLTextAreaElement>("#plan-text")?.value === t, text);
    await page.waitForSelector("body[data-settled=true]");
    await page.evaluate(() => document.getElementById("map-view")?.scrollIntoView());
    await page.waitForSelector("#vnet-map[data-drawn=true]:not([hidden]) tr.vrow");
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

  it("on a phone the map is drawn only when it comes into view, and an edit made away from it waits", async () => {
    const { page, errors, close } = await open(390, 844);
    const rowsNow = () => page.$$eval("#vnet-map tr.vrow", (trs) => trs.length);
    // The example plan has a VNet; the map is far below the form on a phone: not built, not drawn.
    await page.waitForSelector("body[data-settled=true] #vnet-map[data-drawn=false]", { state: "attached" });
    expect(await rowsNow()).toBe(0);
    await page.evaluate(() => document.getElementById("map-view")?.scrollIntoView());
    await page.waitForSelector("#vnet-map[data-drawn=true]:not([hidden]) tr.vrow");
    const before = await rows(page);
    expect(before).toContain("aks-nodes nodes | 10.224.0.0/22");
    // Back at the form: an edit of the node subnet leaves the map as it was (no shift), owed.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.fill("#field-nodeSubnet", "10.224.0.0/21");
    await page.waitForSelector("body[data-settled=true] #vnet-map[data-drawn=false]", { state: "attached" });
    expect(await rows(page)).toEqual(before);
    // In view again: drawn for the plan as it is now.
    await page.evaluate(() => document.getElementById("map-view")?.scrollIntoView());
    await page.waitForSelector("#vnet-map[data-drawn=true]");
    expect(await rows(page)).toContain("aks-nodes nodes | 10.224.0.0/21");
    expect(errors).toEqual([]);
    await close();
  });

  it("draws what aksnet layout proposes where the CLI puts it; one click adds it, Undo takes it back", async () => {
    const text = readFileSync(join(ROOT, LAYOUT_EXAMPLE), "utf8");
    const cli = JSON.parse(
      execFileSync(process.execPath, [join(ROOT, "dist/cli/aksnet.js"), "layout", LAYOUT_EXAMPLE, "-o", "json"], {
        cwd: ROOT,
        encoding: "utf8",
      }),
    ) as { subnets: { name: string; status: string; cidr: string }[] };
    const { page, errors, close } = await open(1280, 800);
    await load(page, text);
    const proposed = (await rows(page)).filter((r) => r.includes("(proposed)"));
    expect(proposed.map((r) => r.replace(/ .*\| /, " "))).toEqual(
      cli.subnets.filter((s) => s.status === "placed").map((s) => `${s.name} ${s.cidr}`),
    );
    await page.click("#apply-layout");
    await page.waitForFunction(() => !document.querySelector("#apply-layout"));
    const after = await editorText(page);
    for (const s of cli.subnets) expect(after).toContain(`name: ${s.name}, cidr: ${s.cidr}`);
    expect(after).toContain("# An Overlay + Cilium cluster"); // the user's comments stay
    expect((await rows(page)).filter((r) => r.includes("(proposed)"))).toEqual([]);
    expect(await page.textContent("#undo-status")).toMatch(/Added the subnets aksnet layout placed: agc, aks-nodes/);
    await page.click("#undo");
    await page.waitForFunction((t) => document.querySelector<HTMLTextAreaElement>("#plan-text")?.value === t, text);
    await page.waitForSelector("#apply-layout");
    expect(errors).toEqual([]);
    await close();
  });

  it("splits a free block in halves, joins them back, and makes one a subnet the plan then holds", async () => {
    const { page, errors, close } = await open(1280, 800);
    await load(page, thirtyPools());
    const free = async () => (await rows(page)).filter((r) => r.startsWith("free"));
    expect(await free()).toContain("free | 10.50.128.0/17");
    await page.click("#vnet-map button[aria-label='Split 10.50.128.0/17']");
    await page.waitForSelector("#vnet-map button[aria-label='Split 10.50.128.0/18']");
    expect(await free()).toEqual(expect.arrayContaining(["free | 10.50.128.0/18", "free | 10.50.192.0/18"]));
    await page.click("#vnet-map button[aria-label='Split 10.50.128.0/18']");
    await page.waitForSelector("#vnet-map button[aria-label='Split 10.50.128.0/19']");
    // Only the innermost halves join; joining the outer block undoes every split inside it.
    expect(await page.$$eval("#vnet-map button[aria-label='Join into 10.50.128.0/18']", (b) => b.length)).toBe(2);
    expect(await page.$$eval("#vnet-map button[aria-label='Join into 10.50.128.0/17']", (b) => b.length)).toBe(0);
    await page.click("#vnet-map button[aria-label='Join into 10.50.128.0/18']");
    await page.waitForSelector("#vnet-map button[aria-label='Join into 10.50.128.0/17']");
    await page.click("#vnet-map button[aria-label='Join into 10.50.128.0/17']");
    await page.waitForSelector("#vnet-map button[aria-label='Split 10.50.128.0/17']");
    const before = await editorText(page);
    await page.click("#vnet-map button[aria-label='Make subnet 10.50.44.0/22']");
    await page.waitForFunction(() =>
      document.querySelector<HTMLTextAreaElement>("#plan-text")?.value.includes("subnet-1"),
    );
    expect(await editorText(page)).toContain("- { name: subnet-1, cidr: 10.50.44.0/22 }");
    expect(await rows(page)).toContain("subnet-1 other | 10.50.44.0/22");
    expect(await page.textContent("#input-status")).toMatch(/34 subnets/);
    await page.click("#undo");
    await page.waitForFunction((t) => document.querySelector<HTMLTextAreaElement>("#plan-text")?.value === t, before);
    expect(errors).toEqual([]);
    await close();
  });

  it("a model switched and back shows its drawing again; the one aside is not seen, reached or named", async () => {
    const { page, errors, close } = await open(1280, 800);
    // Room for the pods' subnet that a switch to Pod Subnet adds (it stays after a switch back to Overlay).
    await load(page, thirtyPools().replace("addressSpace: [10.50.0.0/16]", "addressSpace: [10.48.0.0/12]"));
    const switchTo = async (model: string) => {
      await page.selectOption("#field-model", model);
      await page.waitForSelector("body[data-settled=true] #vnet-map[data-drawn=true]");
    };
    const mark = () => page.evaluate(() => document.querySelector<HTMLElement>("#vnet-map h3")?.dataset["mark"]);
    await switchTo("azure-cni-pod-subnet-dynamic");
    const podSubnet = await rows(page);
    expect(podSubnet.some((r) => r.startsWith("aks-pods pods"))).toBe(true);
    await page.evaluate(() => (document.querySelector<HTMLElement>("#vnet-map h3")!.dataset["mark"] = "pod subnet"));
    await switchTo("azure-cni-overlay");
    expect(await mark()).toBeUndefined();
    const aside = await page.evaluate(() => {
      const ids = Array.from(document.querySelectorAll("[id]"), (e) => e.id);
      const el = document.querySelector<HTMLElement>(".vnet-aside")!;
      return {
        duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
        contentVisibility: getComputedStyle(el).contentVisibility,
        seen: Array.from(el.querySelectorAll("button")).some((b) => b.checkVisibility()),
        height: el.getBoundingClientRect().height,
        kept: el.querySelector<HTMLElement>("h3")?.dataset["mark"],
      };
    });
    expect(aside).toEqual({
      duplicateIds: [],
      contentVisibility: "hidden",
      seen: false,
      height: 0,
      kept: "pod subnet",
    });
    // A free block both drawings show: one Split button for it in the accessibility tree.
    const overlay = await rows(page);
    const free = overlay.find((r) => r.startsWith("free") && podSubnet.includes(r))!.split(" | ")[1];
    expect(await page.getByRole("button", { name: `Split ${free}`, exact: true }).count()).toBe(1);
    expect(await axeViolations(page, "#map-view")).toEqual([]);
    await switchTo("azure-cni-pod-subnet-dynamic");
    expect(await mark()).toBe("pod subnet");
    expect(await rows(page)).toEqual(podSubnet);
    expect(errors).toEqual([]);
    await close();
  });

  it.each([
    { width: 1280, height: 800, scheme: "light" },
    { width: 390, height: 844, scheme: "light" },
    { width: 1280, height: 800, scheme: "dark" },
    { width: 390, height: 844, scheme: "dark" },
  ] as const)("30 pools at $width×$height ($scheme): labelled, apart, 3:1, no axe violation", async (s) => {
    const { page, errors, close } = await open(s.width, s.height, s.scheme);
    await load(page, thirtyPools());
    await page.evaluate(() => document.getElementById("vnet-map")?.scrollIntoView());
    await page.screenshot({ path: join(OUTPUT, `vnet-map-30-pools-${s.width}x${s.height}-${s.scheme}.png`) });
    // Every pool's subnet is named in the table, and on a desktop in the zoomed bar too (upright); a phone's
    // bar is too narrow for 30 names (8 px a block): the blocks stay drawn, their names are in the table.
    const labels = await page.$$eval("#vnet-map .zoom .seg-name", (t) => t.map((x) => x.textContent));
    if (s.width >= 1000) for (let i = 0; i < 30; i++) expect(labels).toContain(`nodes-${String(i).padStart(2, "0")}`);
    expect((await rows(page)).filter((r) => / nodes \| /.test(r))).toHaveLength(30);
    // Every one of the 33 subnets is named in the zoomed bar: by its own label, or (a phone's 8 px blocks) in the
    // band under it, by runs whose first and last names and count are given.
    const runs = await page.$$eval("#vnet-map .zoom .vband .run-name", (t) =>
      t.map((x) => ({ first: x.dataset["first"], last: x.dataset["last"], count: Number(x.dataset["count"]) })),
    );
    const own = (await page.$$eval(
      "#vnet-map .zoom :is(.seg.subnet, .seg.proposed) .seg-name",
      (t) => t.length,
    )) as number;
    expect(own + runs.reduce((n, r) => n + r.count, 0)).toBe(33);
    if (s.width < 1000) expect(runs[0]).toEqual({ first: "nodes-00", last: "nodes-29", count: 30 });
    expect(await bandProblems(page)).toEqual([]);
    expect(await drawingProblems(page)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    expect(await axeViolations(page, "#map-view")).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
