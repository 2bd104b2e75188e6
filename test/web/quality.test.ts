/**
 * Quality checks of the planner in Chromium that each can fail: the fleet view on a phone and in dark mode
 * (axe-core, no sideways scrolling, screenshots), the share link of a 30-pool plan kept short by compression,
 * the copy-link button confirming, and disabled buttons that look disabled.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_PLAN } from "../../src/adapters/web/state.js";
import { CHROMIUM, launch, OUTPUT, ROOT, serve, type Served } from "./harness.js";
import { thirtyPools } from "./plans.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const FLEET = readFileSync(join(ROOT, "examples/fleet/overlapping.yaml"), "utf8");

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

describe("planner quality in Chromium", () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launch>>;
  const open = async (width = 1280, height = 800, colorScheme: "light" | "dark" = "light") => {
    const ctx = await browser.browser.newContext({ viewport: { width, height }, colorScheme });
    ctx.setDefaultTimeout(45_000);
    await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
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

  it.each([
    { width: 390, height: 844, scheme: "light" },
    { width: 390, height: 844, scheme: "dark" },
    { width: 1280, height: 800, scheme: "dark" },
  ] as const)("the fleet view at $width×$height ($scheme): no axe violation, no sideways scrolling", async (s) => {
    const { page, errors, close } = await open(s.width, s.height, s.scheme);
    await page.fill("#plan-text", FLEET);
    await page.waitForSelector("body[data-settled=true] #fleet-view:not([hidden]) #fleet-pools");
    await page.evaluate(() => document.getElementById("fleet-view")?.scrollIntoView());
    await page.screenshot({ path: join(OUTPUT, `fleet-${s.width}x${s.height}-${s.scheme}.png`) });
    expect(await axeViolations(page)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await close();
  });

  it("the link of a 30-pool plan stays short (compressed), and Copy link says it copied it", async () => {
    const { page, close } = await open();
    const text = thirtyPools();
    await page.fill("#plan-text", text);
    await page.waitForSelector("body[data-settled=true]");
    await page.click("#copy-link");
    await page.waitForFunction(() => document.querySelector("#input-status")?.textContent?.startsWith("Link copied"));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(await page.evaluate(() => location.href));
    // The plan's text is 4.3 kB; uncompressed (base64) its link would be over 5,700 characters.
    expect(text.length).toBeGreaterThan(4_000);
    expect(link.length).toBeLessThan(1_500);
    await close();
  });

  it.each([
    { width: 1280, height: 800, scheme: "light" },
    { width: 390, height: 844, scheme: "dark" },
  ] as const)(
    "the newcomer's guide opens from the keyboard: four steps, on screen, axe-clean ($width, $scheme)",
    async (s) => {
      const { page, errors, close } = await open(s.width, s.height, s.scheme);
      expect(await page.isVisible(".guide ol")).toBe(false);
      await page.focus(".guide summary");
      await page.keyboard.press("Enter");
      await page.waitForSelector(".guide[open] ol");
      const steps = await page.$$eval(".guide ol li", (li) => li.map((l) => l.textContent ?? ""));
      expect(steps).toHaveLength(4);
      expect(steps[0]).toMatch(/^Pick a preset above/);
      expect(steps[3]).toMatch(/^Generate the az CLI, Bicep or Terraform code/);
      // The open guide stays inside the page's width and pushes the plan down rather than covering it.
      const [guide, plan] = await Promise.all(
        [".guide", "#inputs-title"].map((sel) => page.$eval(sel, (e) => e.getBoundingClientRect().toJSON() as DOMRect)),
      );
      expect(guide!.x + guide!.width).toBeLessThanOrEqual(s.width);
      expect(guide!.y + guide!.height).toBeLessThanOrEqual(plan!.y);
      await page.screenshot({ path: join(OUTPUT, `guide-open-${s.width}-${s.scheme}.png`) });
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press("Enter");
      await page.waitForSelector(".guide:not([open])", { state: "attached" });
      expect(errors).toEqual([]);
      await close();
    },
  );

  it("a disabled button looks disabled: dimmed, with a not-allowed cursor", async () => {
    const { page, close } = await open();
    await page.fill("#plan-text", EXAMPLE_PLAN.replace("10.224.0.0/22", "10.224.0.0/29"));
    await page.waitForSelector('body[data-settled=true] #verdict[data-status="fails"]');
    expect(await page.isDisabled("#copy-code")).toBe(true);
    const look = (sel: string) =>
      page.$eval(sel, (e) => ({ opacity: getComputedStyle(e).opacity, cursor: getComputedStyle(e).cursor }));
    expect(await look("#copy-code")).toEqual({ opacity: "0.5", cursor: "not-allowed" });
    expect(await look("#copy-link")).toEqual({ opacity: "1", cursor: expect.not.stringMatching(/not-allowed/) });
    await close();
  });
});
