/**
 * The web page with `apiServer.authorizedIpRanges`, in Chromium: for a plan with valid ranges, one with the usual
 * mistakes (an entry with host bits, a duplicate, a private range, a node public IP prefix left out) and one with
 * more ranges than AKS allows, the verdict and every finding the page shows (rule, severity, message) are those of
 * `aksnet check -o json` for the same text.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../src/adapters/cli/io.js";
import { run } from "../../src/adapters/cli/main.js";
import { CHROMIUM, launch, OUTPUT, ROOT, serve, type Served } from "./harness.js";

interface CheckJson {
  readonly findings: readonly { ruleId: string; messageId: string; severity: string; message: string }[];
  readonly summary: { errors: number };
}

const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const VALID = read("examples/kinds/authorized-ip-ranges.yaml");
/** The valid plan with 201 ranges (one over the limit without API Server VNet Integration), each a /32: its edge
 * pool's node public IP prefix is no longer among them. */
const TOO_MANY = VALID.replace(
  / {2}authorizedIpRanges:\n( {4}- .*\n)+/,
  "  authorizedIpRanges:\n" +
    Array.from({ length: 201 }, (_, i) => `    - 20.61.${Math.floor(i / 256)}.${i % 256}/32\n`).join(""),
);

const CASES = [
  { name: "valid ranges", text: VALID, messages: ["egressNotChecked"], status: "fits" },
  {
    name: "an invalid entry and the other usual mistakes",
    text: read("examples/plans/authorized-ip-ranges-mistakes.yaml"),
    messages: ["duplicate", "egressNotChecked", "hostBits", "nodePublicIpPrefixNotAuthorized", "notGlobal"],
    status: "fails",
  },
  {
    name: "201 ranges: too many",
    text: TOO_MANY,
    messages: ["egressNotChecked", "nodePublicIpPrefixNotAuthorized", "tooMany"],
    status: "fails",
  },
] as const;

describe("the web page judges authorized IP ranges as aksnet check does", () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launch>>;
  const tmp = mkdtempSync(join(tmpdir(), "aksnet-web-authz-"));

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
    rmSync(tmp, { recursive: true, force: true });
  });

  it.each(CASES)("$name: verdict and findings as check -o json", async (c) => {
    expect(c.text).toContain("authorizedIpRanges:");
    const file = join(tmp, `${c.name.replace(/\W+/g, "-")}.yaml`);
    writeFileSync(file, c.text);
    const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
    const code = await run(["check", file, "-o", "json"], io);
    const json = JSON.parse(io.stdout) as CheckJson;
    expect(code).toBe(c.status === "fails" ? 1 : 0);
    const own = json.findings.filter((f) => f.ruleId.startsWith("authorized-ip-range"));
    expect(own.map((f) => f.messageId).sort()).toEqual([...c.messages]);

    const ctx = await browser.browser.newContext({ viewport: { width: 1280, height: 800 } });
    ctx.setDefaultTimeout(45_000);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.waitForSelector("body[data-ready=true]");
    await page.fill("#plan-text", c.text);
    await page.waitForFunction(() =>
      document.querySelector("#input-status")?.textContent?.startsWith("Read an aksnet plan"),
    );
    await page.waitForSelector("body[data-settled=true]");
    expect(await page.getAttribute("#verdict", "data-status")).toBe(c.status);
    const shown = await page.$$eval("#findings li.finding", (li) =>
      li.map((l) => ({
        rule: l.getAttribute("data-rule"),
        severity: l.querySelector(".severity")?.textContent,
        text: l.querySelector("p")?.textContent ?? "",
      })),
    );
    const key = (x: { rule: string | null; severity: string | undefined }) => `${x.rule} ${x.severity}`;
    expect(shown.map(key).sort()).toEqual(
      json.findings.map((f) => key({ rule: f.ruleId, severity: f.severity })).sort(),
    );
    for (const f of json.findings)
      expect(
        shown.some((s) => s.rule === f.ruleId && s.text.includes(f.message)),
        f.message,
      ).toBe(true);
    await page.screenshot({ path: join(OUTPUT, `authorized-ranges-${c.name.replace(/\W+/g, "-")}.png`) });
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
