/**
 * The page reads and checks a new plan text in its worker (src/adapters/web/client/plan-checker.ts), and without one
 * (`new Worker` throws, or the worker fails) on its own thread: the same verdict and findings
 * either way, the last verdict kept and marked as being re-checked while the worker reads, and an older reply never
 * drawn over a newer edit.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRESETS } from "../../src/adapters/web/presets.js";
import { computeView } from "../../src/adapters/web/compute.js";
import { DEFAULT_STATE, EXAMPLE_PLAN } from "../../src/adapters/web/state.js";
import { CHROMIUM, launch, ROOT, serve, type Served } from "./harness.js";

/** Page scripts run before the planner's, replacing `Worker`. */
const WITHOUT: Record<string, () => void> = {
  "new Worker throws (a browser that refuses workers)": () => {
    (window as unknown as { Worker: unknown }).Worker = function () {
      throw new DOMException("Workers are not allowed here", "SecurityError");
    };
  },
  "the worker fails after it started": () => {
    const Real = window.Worker;
    (window as unknown as { Worker: unknown }).Worker = class extends Real {
      override postMessage(m: unknown): void {
        // The warm-up goes through; the first edit's request makes the worker fail.
        if ((m as { seq: number }).seq === 0) return super.postMessage(m);
        setTimeout(() => this.onerror?.(new ErrorEvent("error", { message: "the worker failed" })), 10);
      }
    };
  },
};

/** A worker whose replies are held while `window.hold` is true, until `window.release()`. */
function holdReplies(): void {
  const w = window as unknown as { hold: boolean; held: (() => void)[]; release(): void; Worker: unknown };
  w.hold = false;
  w.held = [];
  w.release = () => w.held.splice(0).forEach((f) => f());
  const Real = window.Worker;
  w.Worker = class extends Real {
    override set onmessage(f: ((e: MessageEvent) => void) | null) {
      super.onmessage = (e: MessageEvent) => (w.hold ? w.held.push(() => f?.(e)) : f?.(e));
    }
  };
}

const WRONG_NAME = EXAMPLE_PLAN.replace(/^name: .*$/m, "name: aks-other");
/** A plan that fails check. */
const FAILING = readFileSync(join(ROOT, "examples", "plans", "subnet-too-small.yaml"), "utf8");
/** A preset whose verdict and findings differ from the example's. */
const OTHER = PRESETS.find((p) => p.text !== EXAMPLE_PLAN && /kubenet/.test(p.text))!.text;

describe("the planner's worker in Chromium", () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launch>>;
  const contexts: BrowserContext[] = [];
  const open = async (init?: () => void): Promise<{ page: Page; errors: string[] }> => {
    const ctx = await browser.browser.newContext({ viewport: { width: 1280, height: 800 } });
    ctx.setDefaultTimeout(45_000);
    contexts.push(ctx);
    if (init) await ctx.addInitScript(init);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.waitForSelector("body[data-ready=true]");
    return { page, errors };
  };
  /** Puts `text` in the editor and waits until every view is drawn. */
  const type = async (page: Page, text: string) => {
    await page.evaluate(() => (document.body.dataset["settled"] = "false"));
    await page.fill("#plan-text", text);
    await page.waitForSelector("body[data-settled=true]");
  };
  const shown = (page: Page) =>
    page.evaluate(() => ({
      headline: document.getElementById("verdict-headline")?.textContent,
      status: document.getElementById("verdict")?.dataset["status"],
      findings: document.getElementById("findings")?.textContent,
      checkedIn: document.body.dataset["checkedIn"],
    }));

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium`);
    if (!existsSync(join(ROOT, "dist", "web", "index.html"))) throw new Error("dist/ is not built: run npm run build");
    served = await serve();
    browser = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await served?.stop();
  });

  it("an edit is checked in the worker, with the verdict and findings the page computes without one", async () => {
    const { page, errors } = await open();
    await page.waitForSelector("body[data-worker=ready]");
    const without = await open(WITHOUT["new Worker throws (a browser that refuses workers)"]);
    for (const text of [OTHER, FAILING, WRONG_NAME, EXAMPLE_PLAN.replace("network:", "network: [")]) {
      await type(page, text);
      await type(without.page, text);
      const [a, b] = [await shown(page), await shown(without.page)];
      expect(a.checkedIn).toBe("worker");
      expect(b.checkedIn).toBe("page");
      expect({ ...a, checkedIn: "" }).toEqual({ ...b, checkedIn: "" });
    }
    expect(errors).toEqual([]);
    expect(without.errors).toEqual([]);
  });

  it.each(Object.keys(WITHOUT))("%s: the page checks the text itself", async (name) => {
    const { page, errors } = await open(WITHOUT[name]);
    // The failing worker fails on its first request, once it is up.
    if (name.includes("fails")) await page.waitForSelector("body[data-worker=ready]");
    for (const text of [FAILING, EXAMPLE_PLAN]) {
      await type(page, text);
      const s = await shown(page);
      const expected = computeView({ ...DEFAULT_STATE, planText: text }).verdict;
      expect(s.checkedIn).toBe("page");
      expect(s.status).toBe(expected?.status);
      expect(s.headline).toBe(expected?.headline);
    }
    expect(errors).toEqual([]);
  });

  it("while the worker reads the last verdict stays, marked re-checked; only the newest reply is drawn", async () => {
    const { page, errors } = await open(holdReplies);
    await page.waitForSelector("body[data-worker=ready]");
    const before = await shown(page);
    await page.evaluate(() => ((window as unknown as { hold: boolean }).hold = true));
    await page.fill("#plan-text", OTHER);
    await page.fill("#plan-text", WRONG_NAME);
    await page.waitForSelector("#verdict[aria-busy=true] #verdict-checking", { state: "visible" });
    expect(await shown(page)).toEqual(before);
    expect(await page.getAttribute("body", "data-settled")).toBe("false");
    await page.evaluate(() => {
      const w = window as unknown as { hold: boolean; release(): void };
      w.hold = false;
      w.release();
    });
    await page.waitForSelector("body[data-settled=true]");
    expect(await page.getAttribute("#verdict", "aria-busy")).toBeNull();
    expect(await page.isVisible("#verdict-checking")).toBe(false);
    const after = await shown(page);
    expect(after).toEqual({ ...before, checkedIn: "worker" });
    expect(errors).toEqual([]);
  });

  it("a hung worker (no reply in REPLY_DEADLINE_MS): the page checks that text and every later one", async () => {
    const { page, errors } = await open(holdReplies);
    await page.waitForSelector("body[data-worker=ready]");
    await page.evaluate(() => ((window as unknown as { hold: boolean }).hold = true));
    for (const text of [FAILING, OTHER]) {
      await type(page, text);
      const s = await shown(page);
      const expected = computeView({ ...DEFAULT_STATE, planText: text }).verdict;
      expect(s.checkedIn).toBe("page");
      expect(s.status).toBe(expected?.status);
      expect(s.headline).toBe(expected?.headline);
    }
    const last = await shown(page);
    // The held replies, delivered after the switch, are not drawn.
    await page.evaluate(() => (window as unknown as { release(): void }).release());
    expect(await shown(page)).toEqual(last);
    expect(await page.getAttribute("#verdict", "aria-busy")).toBeNull();
    expect(errors).toEqual([]);
  });
});
