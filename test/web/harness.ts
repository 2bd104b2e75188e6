/**
 * End-to-end harness for the web planner: starts the real `aksnet serve` (the
 * built CLI, on 127.0.0.1, port 0) as a child process and drives Debian's
 * Chromium through playwright-core. Nothing leaves the loopback interface.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
export const OUTPUT = join(ROOT, "test-output");

export interface Served {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `aksnet serve --port 0` from dist/ and resolves with the address it prints. */
export function serve(extraArgs: readonly string[] = []): Promise<Served> {
  const child = spawn(
    process.execPath,
    [join(ROOT, "dist", "cli", "aksnet.js"), "serve", "--port", "0", ...extraArgs],
    {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return new Promise((done, fail) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => fail(new Error(`aksnet serve printed no address in 20 s: ${out}${err}`)), 20_000);
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        done({
          url: m[1],
          child,
          stop: () =>
            new Promise<void>((stopped) => {
              if (child.exitCode !== null) return stopped();
              child.once("exit", () => stopped());
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`aksnet serve exited with ${code}: ${out}${err}`));
    });
  });
}

/**
 * Launches headless Chromium; playwright gives it a fresh temporary profile (it refuses --user-data-dir) and removes it
 * on close.
 */
export async function launch(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations on the whole page (or within one selector), as `impact rule: targets` lines. */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (scope) => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context?: unknown): Promise<Result> } }).axe;
    return (await axe.run(scope ? { include: [scope] } : document)).violations.map(
      (v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  }, within);
}

/**
 * The plan editor's text (#plan-text is CodeMirror's editing element, not a textarea: `page.inputValue` refuses it).
 * The page's editor answers `value` like a textarea to the page's own scripts (src/adapters/web/client/plan-editor.ts).
 */
export const editorText = (page: Page): Promise<string> =>
  page.$eval("#plan-text", (e) => (e as unknown as { value: string }).value);
