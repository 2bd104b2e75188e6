/**
 * docs/kinds.md, the audit of every subnet and pool kind (issue #13): every relative link resolves to a file or
 * folder of the repository (a cell that names a file or test must not rot), every kind the issue names has its
 * row, and every plan in examples/kinds/ is run by one of the page's examples (whose output docs.test.ts checks).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { docExamples } from "./docs-examples.js";

const ROOT = resolve(import.meta.dirname, "..");
const PAGE = join(ROOT, "docs", "kinds.md");
const text = readFileSync(PAGE, "utf8");
const links = [...text.matchAll(/\]\(([^)\s#]+)(#[^)\s]*)?\)/g)]
  .map((m) => m[1] ?? "")
  .filter((l) => !/^[a-z]+:/.test(l));

describe("docs/kinds.md", () => {
  it("links files (at least 80 of them)", () => expect(links.length).toBeGreaterThanOrEqual(80));

  it.each([...new Set(links)])("%s exists", (link) => {
    expect(existsSync(resolve(dirname(PAGE), link))).toBe(true);
  });

  it.each([
    "API server subnet",
    "Application Gateway for Containers",
    "Application Gateway (AGIC)",
    "Azure Firewall",
    "Azure Bastion",
    "VPN / ExpressRoute gateway",
    "Private endpoints",
    "Internal load balancers",
    "NAT gateway",
    "UDR",
    "Virtual nodes",
    "AKS Automatic",
    "Static egress gateway pool",
    "private-IP mode",
    "Node auto-provisioning",
    "Windows pools",
    "System pools",
    "Spot pools",
    "API server authorized IP ranges",
  ])("has a row for %s", (kind) => {
    expect(text.split("\n").some((l) => l.startsWith("| ") && l.includes(kind))).toBe(true);
  });

  it.each(readdirSync(join(ROOT, "examples", "kinds")))("examples/kinds/%s is checked, sized and generated", (f) => {
    const commands = docExamples(text).map((e) => e.command);
    for (const verb of ["check", "size --pools", "generate"])
      expect(commands.some((c) => c.startsWith(`aksnet ${verb}`) && c.includes(`examples/kinds/${f}`))).toBe(true);
  });
});
