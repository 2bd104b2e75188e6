/**
 * The plan editor (CodeMirror 6, src/adapters/web/client/plan-editor.ts) in Chromium, driven as a person drives it:
 * Ctrl+A and Ctrl+V with the keyboard (real paste events, not `page.fill`), typing, Ctrl+Z, Tab. A large paste is also
 * a history entry of the page (Undo and Back return from it); Ctrl+Z in the editor returns the replaced text too. The
 * editor draws only the lines in view, and its styles raise no Content-Security-Policy violation.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_PLAN } from "../../src/adapters/web/state.js";
import { axeViolations, CHROMIUM, editorText, launch, ROOT, serve, type Served } from "./harness.js";
import { thirtyPools } from "./plans.js";

const waitForText = (page: Page, text: string) =>
  page.waitForFunction((t) => document.querySelector<HTMLTextAreaElement>("#plan-text")?.value === t, text);

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press("Control+V");
}

describe("the editor in Chromium: select all and paste with the keyboard", () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launch>>;
  let context: BrowserContext;
  const open = async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.waitForSelector("body[data-ready=true]");
    return { page, errors };
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium`);
    if (!existsSync(join(ROOT, "dist", "web", "index.html"))) throw new Error("dist/ is not built: run npm run build");
    served = await serve();
    browser = await launch();
    context = await browser.browser.newContext({
      viewport: { width: 1280, height: 800 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
    context.setDefaultTimeout(45_000);
    await context.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it("a large plan pasted over the whole text: the same text and views; Undo returns to the plan before", async () => {
    const { page, errors } = await open();
    const big = thirtyPools();
    expect(big.length).toBeGreaterThan(4096);
    await page.focus("#plan-text");
    await page.keyboard.press("Control+A");
    expect(
      await page.evaluate(() => {
        const t = document.querySelector<HTMLTextAreaElement>("#plan-text")!;
        return [t.selectionStart, t.selectionEnd, t.value.length];
      }),
    ).toEqual([0, EXAMPLE_PLAN.length, EXAMPLE_PLAN.length]);
    await paste(page, big.replace(/\n/g, "\r\n"));
    // Line ends as a textarea has them; the caret after the pasted text.
    expect(await editorText(page)).toBe(big);
    expect(await page.evaluate(() => document.querySelector<HTMLTextAreaElement>("#plan-text")!.selectionStart)).toBe(
      big.length,
    );
    await page.waitForSelector("body[data-settled=true]");
    expect(await page.textContent("#input-status")).toMatch(/^Read an aksnet plan: 30 node pools/);
    expect(await page.textContent("#undo-status")).toContain("Replaced the plan with the pasted text.");
    await page.click("#undo");
    await waitForText(page, EXAMPLE_PLAN);
    await page.goForward();
    await waitForText(page, big);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Ctrl+Z in the editor returns the text a paste replaced, Ctrl+Shift+Z pastes it again", async () => {
    const { page, errors } = await open();
    const big = thirtyPools();
    await page.focus("#plan-text");
    await page.keyboard.press("Control+A");
    await paste(page, big);
    await waitForText(page, big);
    await page.keyboard.press("Control+Z");
    await waitForText(page, EXAMPLE_PLAN);
    await page.waitForSelector("body[data-settled=true]");
    expect(await page.textContent("#input-status")).toMatch(/^Read an aksnet plan: 1 node pool/);
    await page.keyboard.press("Control+Shift+Z");
    await waitForText(page, big);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a small paste is the browser's own; a large one at the caret is inserted there, as a history entry", async () => {
    const { page, errors } = await open();
    const at = EXAMPLE_PLAN.indexOf("nodePools:");
    await page.focus("#plan-text");
    const caret = (i: number) =>
      page.evaluate((n) => document.querySelector<HTMLTextAreaElement>("#plan-text")!.setSelectionRange(n, n), i);
    await caret(at);
    await paste(page, "# pools\n");
    const noted = EXAMPLE_PLAN.slice(0, at) + "# pools\n" + EXAMPLE_PLAN.slice(at);
    await waitForText(page, noted);
    await page.waitForSelector("body[data-settled=true]");
    expect(await page.textContent("#undo-status")).toBe("");
    await caret(at);
    const comment = `# ${"x".repeat(5000)}\n`;
    await paste(page, comment);
    expect(await editorText(page)).toBe(noted.slice(0, at) + comment + noted.slice(at));
    expect(await page.textContent("#undo-status")).toContain("Pasted text into the plan.");
    await page.waitForSelector("body[data-settled=true]");
    expect(await page.textContent("#input-status")).toMatch(/^Read an aksnet plan/);
    await page.click("#undo");
    await waitForText(page, noted);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a form edit writes the editor's text at once; caret and typed text stay, Ctrl+Z undoes the typing", async () => {
    const { page, errors } = await open();
    const at = EXAMPLE_PLAN.indexOf("\n", EXAMPLE_PLAN.indexOf("name: "));
    await page.focus("#plan-text");
    await page.evaluate((n) => document.querySelector<HTMLTextAreaElement>("#plan-text")!.setSelectionRange(n, n), at);
    await page.keyboard.type("-x");
    const typed = EXAMPLE_PLAN.slice(0, at) + "-x" + EXAMPLE_PLAN.slice(at);
    await waitForText(page, typed);
    await page.fill("#field-count", "7");
    await page.waitForSelector("body[data-settled=true]");
    const counted = typed.replace("count: 3", "count: 7");
    expect(await editorText(page)).toBe(counted);
    await page.focus("#plan-text");
    expect(await page.evaluate(() => document.querySelector<HTMLTextAreaElement>("#plan-text")!.selectionStart)).toBe(
      at + 2,
    );
    await page.keyboard.press("Control+Z");
    await waitForText(page, EXAMPLE_PLAN.replace("count: 3", "count: 7"));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws only the lines in view of a 1,077-line plan; a labelled text box reached and left with Tab", async () => {
    const { page, errors } = await open();
    const big = thirtyPools() + Array.from({ length: 1000 }, (_, i) => `# note ${i}\n`).join("");
    await page.focus("#plan-text");
    await page.keyboard.press("Control+A");
    await paste(page, big);
    await page.waitForSelector("body[data-settled=true]");
    expect(big.split("\n").length).toBeGreaterThan(1050);
    expect(await page.locator("#plan-text .cm-line").count()).toBeLessThan(200);
    const box = await page.evaluate(() => {
      const t = document.querySelector("#plan-text")!;
      return [t.getAttribute("role"), t.getAttribute("aria-multiline"), t.getAttribute("aria-labelledby")];
    });
    expect(box).toEqual(["textbox", "true", "plan-text-label"]);
    expect(await page.getByRole("textbox", { name: /^aksnet\.yaml/ }).getAttribute("id")).toBe("plan-text");
    await page.focus("#plan-form input, #plan-form select");
    for (let i = 0; i < 60 && !(await page.evaluate(() => document.activeElement?.id === "plan-text")); i++)
      await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("plan-file");
    expect(await editorText(page)).toBe(big);
    expect(await axeViolations(page, ".editor")).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
  it("a model switch, the editor out of view: it draws the lines in view, not all it spans", async () => {
    const { page, errors } = await open();
    // 1,000 comment lines between the network section and the pools: the switch changes both (and adds the pods'
    // subnet, for which the address space is widened).
    const notes = Array.from({ length: 1000 }, (_, i) => `    # note ${i}\n`).join("");
    const big = thirtyPools()
      .replace("  subnets:\n", `  subnets:\n${notes}`)
      .replace("addressSpace: [10.50.0.0/16]", "addressSpace: [10.48.0.0/12]");
    await page.focus("#plan-text");
    await page.keyboard.press("Control+A");
    await paste(page, big);
    await page.waitForSelector("body[data-settled=true]");
    // A short window, the page at its top: the editor is below the fold.
    await page.setViewportSize({ width: 1280, height: 500 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.selectOption("#field-model", "azure-cni-pod-subnet-dynamic");
    await page.waitForSelector("body[data-settled=true]");
    const text = await editorText(page);
    expect(text).toContain("podSubnet");
    expect(text).toContain("# note 999");
    expect(
      await page.evaluate(() => document.querySelector(".cm-editor")!.getBoundingClientRect().top),
    ).toBeGreaterThan(500);
    expect(await page.locator("#plan-text .cm-line").count()).toBeLessThan(200);
    expect(errors).toEqual([]);
    await page.close();
  });
});
