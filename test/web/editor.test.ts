/**
 * The editor replaced by hand, in Chromium, as a person does it: Ctrl+A and Ctrl+V with the keyboard (real
 * paste events, not `page.fill`). A large paste is written by the page (src/adapters/web/client/paste.ts):
 * the same text, caret and views as the browser's paste, plus a history entry that Undo and Back return from.
 * A small paste is the browser's own.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_PLAN } from "../../src/adapters/web/state.js";
import { CHROMIUM, launch, ROOT, serve, type Served } from "./harness.js";
import { thirtyPools } from "./plans.js";

const editorText = (page: Page) => page.inputValue("#plan-text");
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
    // Line ends as the browser's paste writes them into a textarea; the caret after the pasted text.
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

  it("a form edit while the editor is off screen owes its text: paid in view, on focus, or when read", async () => {
    const { page, errors } = await open();
    await page.setViewportSize({ width: 1280, height: 360 });
    /** The textarea's own value, past the page's reader that pays an owed write. */
    const raw = () =>
      page.evaluate(() => {
        const get = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.get!;
        const t = document.querySelector<HTMLTextAreaElement>("#plan-text")!;
        return { text: get.call(t) as string, written: t.dataset["written"] };
      });
    const formEdit = async (count: string) => {
      // Scrolled away, and frames drawn since: the page's IntersectionObserver has said so.
      await page.evaluate(
        () =>
          new Promise((done) => {
            document.querySelector("#plan-form")!.scrollIntoView();
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));
          }),
      );
      await page.fill("#field-count", count);
      await page.waitForSelector("body[data-settled=true]");
      const top = await page.evaluate(() => document.querySelector("#plan-text")!.getBoundingClientRect().top);
      expect(top).toBeGreaterThan(360);
      expect(await raw()).toEqual({ text: expect.not.stringContaining(`count: ${count}`), written: "false" });
    };
    await formEdit("7");
    await page.evaluate(() => document.querySelector("#plan-text")!.scrollIntoView());
    await page.waitForSelector("#plan-text[data-written=true]");
    expect((await raw()).text).toContain("count: 7");
    await formEdit("6");
    const focused = await page.evaluate(() => {
      const t = document.querySelector<HTMLTextAreaElement>("#plan-text")!;
      t.focus({ preventScroll: true });
      return t.dataset["written"];
    });
    expect(focused).toBe("true");
    expect((await raw()).text).toContain("count: 6");
    await formEdit("5");
    // A page script reading the value (Playwright's inputValue reads from its own isolated world, past the page's
    // reader: a test reading the editor after a form edit waits for #plan-text[data-written=true] instead).
    expect(await page.evaluate(() => document.querySelector<HTMLTextAreaElement>("#plan-text")!.value)).toContain(
      "count: 5",
    );
    expect(await raw()).toEqual({ text: expect.stringContaining("count: 5"), written: "true" });
    expect(errors).toEqual([]);
    await page.close();
  });
});
