/**
 * The form's node public IP fields in Chromium: the first pool's "Node public IPs" checkbox and its public IP
 * prefix ID. The ID field is disabled until the pool has public IPs; an ID typed in lands in the plan text as
 * `nodePools[0].nodePublicIpPrefixId`, the generated az code takes it (`--node-public-ip-prefix-id`), and at each
 * step the page's findings (rule, severity, message) are those of `aksnet check -o json` for the editor's text.
 * Switching the public IPs off removes the ID, says so, and Undo brings it back.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../src/adapters/cli/io.js";
import { run } from "../../src/adapters/cli/main.js";
import { CHROMIUM, editorText, launch, OUTPUT, ROOT, serve, type Served } from "./harness.js";

const PREFIX_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-authz/providers/" +
  "Microsoft.Network/publicIPPrefixes/pip-prefix-edge";
/** The authorized-ranges example with one pool, the edge pool first and without public IPs yet. */
const PLAN = readFileSync(join(ROOT, "examples/kinds/authorized-ip-ranges.yaml"), "utf8").replace(
  /\nnodePools:\n[\s\S]*$/,
  "\nnodePools:\n  - name: edge\n    mode: System\n    count: 4\n    subnet: aks-nodes\n" +
    "    nodePublicIpPrefix: 20.50.60.0/28\n",
);

interface CheckJson {
  readonly findings: readonly { ruleId: string; messageId: string; severity: string; message: string }[];
}

describe("the form's node public IP prefix ID", () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launch>>;
  const tmp = mkdtempSync(join(tmpdir(), "aksnet-web-nodepip-"));

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

  const cli = async (args: string[]) => {
    const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
    await run(args, io);
    return io.stdout;
  };

  /** The page's findings equal check -o json's for the editor's text; returns their message IDs of that rule. */
  async function findingsAsCheck(page: Page, step: string): Promise<string[]> {
    await page.waitForSelector("body[data-settled=true]");
    const file = join(tmp, `${step}.yaml`);
    writeFileSync(file, await editorText(page));
    const json = JSON.parse(await cli(["check", file, "-o", "json"])) as CheckJson;
    const shown = await page.$$eval("#findings li.finding", (li) =>
      li.map((l) => ({
        rule: l.getAttribute("data-rule"),
        severity: l.querySelector(".severity")?.textContent,
        text: l.querySelector("p")?.textContent ?? "",
      })),
    );
    const key = (x: { rule: string | null; severity: string | undefined }) => `${x.rule} ${x.severity}`;
    expect(shown.map(key).sort(), step).toEqual(
      json.findings.map((f) => key({ rule: f.ruleId, severity: f.severity })).sort(),
    );
    for (const f of json.findings)
      expect(
        shown.some((s) => s.rule === f.ruleId && s.text.includes(f.message)),
        `${step}: ${f.message}`,
      ).toBe(true);
    return json.findings
      .filter((f) => f.ruleId === "authorized-ip-ranges-unsupported")
      .map((f) => f.messageId)
      .sort();
  }

  const waitText = (page: Page, has: string, yes = true) =>
    page.waitForFunction(
      ([t, y]) => (document.querySelector("#plan-text") as HTMLTextAreaElement).value.includes(t as string) === y,
      [has, yes] as const,
    );

  it("is disabled without public IPs, written into the plan and the az code, judged as check, and undone", async () => {
    const ctx = await browser.browser.newContext({ viewport: { width: 1280, height: 800 } });
    ctx.setDefaultTimeout(45_000);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.waitForSelector("body[data-ready=true]");
    await page.fill("#plan-text", PLAN);
    await page.waitForFunction(() =>
      document.querySelector("#input-status")?.textContent?.startsWith("Read an aksnet plan"),
    );
    // 1. No public IPs: the ID does not apply.
    expect(await page.isChecked("#field-nodePublicIp")).toBe(false);
    expect(await page.isDisabled("#field-nodePublicIpPrefixId")).toBe(true);
    expect(await page.textContent("#field-nodePublicIpPrefixId-hint")).toBe(
      "the first pool's nodes have no public IPs",
    );
    expect(await findingsAsCheck(page, "off")).toEqual(["egressNotChecked"]);

    // 2. Public IPs on: the ID applies; its prefix 20.50.60.0/28 is among the authorized ranges.
    await page.check("#field-nodePublicIp");
    await waitText(page, "nodePublicIp: true");
    await page.waitForSelector("#field-nodePublicIpPrefixId:not([disabled])");
    expect(await page.textContent("#field-nodePublicIpPrefixId-hint")).toMatch(/publicIPPrefixes\/NAME/);
    expect(await findingsAsCheck(page, "on")).toEqual(["egressNotChecked"]);

    // 3. The ID typed in: in the plan text, and in the generated az code as generate writes it.
    await page.fill("#field-nodePublicIpPrefixId", PREFIX_ID);
    await waitText(page, `nodePublicIpPrefixId: ${PREFIX_ID}`);
    expect(await findingsAsCheck(page, "id")).toEqual(["egressNotChecked"]);
    await page.locator("#generate-view").scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (id) => document.querySelector("#generated-code")?.textContent?.includes(`--node-public-ip-prefix-id=${id}`),
      PREFIX_ID,
    );
    const az = await cli(["generate", "--format", "az", join(tmp, "id.yaml")]);
    const lines = az.split("\n").filter((l) => l.includes("node-public-ip"));
    expect(lines).toEqual(["  --enable-node-public-ip \\", `  --node-public-ip-prefix-id=${PREFIX_ID}`]);
    const shown = (await page.textContent("#generated-code")) ?? "";
    for (const l of lines) expect(shown).toContain(l);

    // 4. The prefix's CIDR left out of the authorized ranges: check's finding, on the page too.
    const text = await editorText(page);
    await page.fill("#plan-text", text.replace("    - 20.50.60.0/28 # the edge pool's node public IP prefix\n", ""));
    await waitText(page, "- 20.50.60.0/28", false);
    expect(await findingsAsCheck(page, "not-authorized")).toEqual([
      "egressNotChecked",
      "nodePublicIpPrefixNotAuthorized",
    ]);
    await page.fill("#plan-text", text);
    await waitText(page, "- 20.50.60.0/28");

    // 5. Public IPs off: the ID and the prefix go, the page says so, Undo brings them back.
    await page.uncheck("#field-nodePublicIp");
    await waitText(page, "nodePublicIpPrefixId", false);
    expect(await page.isDisabled("#field-nodePublicIpPrefixId")).toBe(true);
    expect(await page.textContent("#undo-status")).toContain(`nodePools[0].nodePublicIpPrefixId ${PREFIX_ID}`);
    expect(await findingsAsCheck(page, "off-again")).toEqual(["egressNotChecked"]);
    await page.click("#undo");
    await waitText(page, `nodePublicIpPrefixId: ${PREFIX_ID}`);
    expect(await page.inputValue("#field-nodePublicIpPrefixId")).toBe(PREFIX_ID);
    await page.screenshot({ path: join(OUTPUT, "node-public-ips.png") });
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
