/**
 * The VNet map's numbers against the CLI, in Chromium: for each address space of a plan, the page's free blocks
 * are exactly what `aksnet cidr free <space> -u <used...> -o json` lists (used: the plan's subnets, what
 * `aksnet layout -o json` places with its room to grow, and the ranges the map avoids), its subnets are the
 * plan's, and each subnet's size and usable addresses are `aksnet cidr info -o json`'s.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EXAMPLE_PLAN } from "../../src/adapters/web/state.js";
import { CHROMIUM, launch, ROOT, serve, type Served } from "./harness.js";
import { thirtyPools } from "./plans.js";

const CLI = join(ROOT, "dist/cli/aksnet.js");

/** The CLI's JSON output; `input` is its standard input. */
function cli<T>(args: readonly string[], input = ""): T {
  const out = execFileSync(process.execPath, [CLI, ...args, "-o", "json"], {
    cwd: ROOT,
    encoding: "utf8",
    input,
    stdio: ["pipe", "pipe", "ignore"],
  });
  return JSON.parse(out) as T;
}

/** Two address spaces, subnets in both, and a connected network inside the first (the map avoids it). */
const TWO_SPACES = EXAMPLE_PLAN.replace("addressSpace: [10.224.0.0/12]", "addressSpace: [10.224.0.0/22, 172.16.4.0/24]")
  .replace(
    "    - { name: shared, cidr: 10.224.8.0/24 }",
    ["    - { name: shared, cidr: 10.224.3.0/26 }", "    - { name: edge, cidr: 172.16.4.96/27 }"].join("\n"),
  )
  .replace("aks-nodes, cidr: 10.224.0.0/22", "aks-nodes, cidr: 10.224.0.0/23");

const CASES = [
  { name: "the example plan", text: () => EXAMPLE_PLAN },
  { name: "30 pools on /24s beside small subnets", text: thirtyPools },
  {
    name: "subnets aksnet layout places",
    text: () => readFileSync(join(ROOT, "examples/layout/overlay-cilium-20.yaml"), "utf8"),
  },
  { name: "two address spaces", text: () => TWO_SPACES },
];

interface PageRow {
  readonly kind: string;
  readonly name: string;
  readonly cidrs: readonly string[];
  readonly size: string;
  readonly usable: string;
}

const digits = (s: string) => s.replace(/[^\d]/g, "");

describe("the VNet map against aksnet cidr free, cidr info and layout", () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launch>>;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium`);
    if (!existsSync(join(ROOT, "dist", "web", "index.html"))) throw new Error("dist/ is not built: run npm run build");
    served = await serve();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it.each(CASES)("$name: free blocks, subnets and usable addresses as the CLI gives them", async ({ text }) => {
    const plan = text();
    const ctx = await browser.browser.newContext({ viewport: { width: 1280, height: 800 } });
    ctx.setDefaultTimeout(45_000);
    const page = await ctx.newPage();
    await page.goto(served.url);
    await page.waitForSelector("body[data-ready=true]");
    await page.fill("#plan-text", plan);
    await page.waitForFunction((t) => document.querySelector<HTMLTextAreaElement>("#plan-text")?.value === t, plan);
    await page.waitForSelector("body[data-settled=true] #vnet-map:not([hidden]) tr.vrow");
    for (const more of await page.$$("#vnet-map .vspace > p > button")) await more.click();
    const spaces = await page.$$eval("#vnet-map figure.vspace", (figs) =>
      figs.map((f) => ({
        cidr: f.getAttribute("data-space") ?? "",
        rows: Array.from(f.querySelectorAll("tr.vrow")).map((tr) => {
          const td = Array.from(tr.querySelectorAll("td"));
          return {
            kind: tr.className.replace("vrow", "").trim(),
            name: td[0]?.querySelector("strong")?.textContent ?? td[0]?.textContent?.trim() ?? "",
            cidrs: (td[1]?.textContent ?? "").trim().split(/\s+/),
            size: td[2]?.textContent ?? "",
            usable: td[3]?.textContent ?? "",
          };
        }),
      })),
    );
    const doc = parse(plan) as { vnet: { addressSpace: string[]; subnets: { name: string; cidr: string }[] } };
    expect(spaces.map((s) => s.cidr)).toEqual(doc.vnet.addressSpace);
    type Placed = { name: string; status: string; cidr: string; canGrowTo: string | null };
    const layout = cli<{ subnets: Placed[] }>(["layout", "-"], plan);
    const placed = layout.subnets.filter((s) => s.status === "placed");
    const rows: PageRow[] = spaces.flatMap((s) => s.rows);
    // The subnets are the plan's, plus what layout places; sizes and usable addresses are cidr info's.
    const subnets = rows.filter((r) => r.kind === "subnet");
    expect(subnets.map((r) => `${r.name} ${r.cidrs.join(" ")}`).sort()).toEqual(
      doc.vnet.subnets.map((s) => `${s.name} ${s.cidr}`).sort(),
    );
    expect(rows.filter((r) => r.kind === "proposed").map((r) => `${r.name} ${r.cidrs.join(" ")}`)).toEqual(
      placed.map((s) => `${s.name} ${s.cidr}`),
    );
    const named = rows.filter((r) => r.kind === "subnet" || r.kind === "proposed");
    if (named.length) {
      const info = cli<{ prefixes: { cidr: string; size: string; azureUsable: string }[] }>([
        "cidr",
        "info",
        ...named.map((r) => r.cidrs[0]!),
      ]);
      expect(named.map((r) => [digits(r.size), digits(r.usable)])).toEqual(
        info.prefixes.map((p) => [p.size, p.azureUsable]),
      );
    }
    for (const space of spaces) {
      const avoided = space.rows.filter((r) => r.kind === "avoided").flatMap((r) => r.cidrs);
      const used = [...doc.vnet.subnets.map((s) => s.cidr), ...placed.map((s) => s.canGrowTo ?? s.cidr), ...avoided];
      const free = cli<{ prefixes: string[] }>(["cidr", "free", space.cidr, "-u", ...used]);
      expect(
        space.rows.filter((r) => r.kind === "free").flatMap((r) => r.cidrs),
        space.cidr,
      ).toEqual(free.prefixes);
    }
    await ctx.close();
  });
});
