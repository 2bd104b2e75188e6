/** The files a newcomer and a packager look for: the licence matching package.json, and the contributor docs. */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REPOSITORY_URL } from "../src/engines/plan/index.js";

const ROOT = resolve(import.meta.dirname, "..");
const read = (p: string) => readFileSync(join(ROOT, p), "utf8");

function textFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    return e.isDirectory() ? textFiles(p) : /\.(md|ya?ml|json|sh)$/.test(e.name) ? [p] : [];
  });
}

describe("repository files", () => {
  it("LICENSE is the licence package.json names", () => {
    const pkg = JSON.parse(read("package.json")) as { license: string };
    const titles: Record<string, RegExp> = { MIT: /^MIT License\n/ };
    expect(titles[pkg.license], `no LICENSE check for ${pkg.license}`).toBeDefined();
    expect(read("LICENSE")).toMatch(titles[pkg.license] as RegExp);
  });

  it("names the project's repository (src/engines/plan/project-urls.ts, unverified) the same way everywhere", () => {
    const repo = new URL(REPOSITORY_URL).pathname.slice(1);
    const owner = repo.split("/")[0]!;
    // Web addresses of the owner's repositories, `uses: OWNER/NAME@` in workflows, and pre-commit's `repo:`.
    const mention = new RegExp(
      String.raw`(?:github\.com|githubusercontent\.com)/(${owner}/[\w.-]+)|uses: (${owner}/[\w.-]+)@`,
      "g",
    );
    const files = [
      "README.md",
      "action.yml",
      ".pre-commit-hooks.yaml",
      ...["docs", "examples", "schema", "action"].flatMap(textFiles),
    ];
    const seen = new Set<string>();
    for (const f of files)
      for (const m of read(f).matchAll(mention)) {
        const name = (m[1] ?? m[2]!).replace(/\.git$/, "");
        expect(name, `${f}: ${m[0]}`).toBe(repo);
        seen.add(f);
      }
    expect(seen.size).toBeGreaterThan(3);
  });

  it("README's Project section names the repository address as an unverified assumption", () => {
    const section =
      read("README.md")
        .split(/^## Project$/m)[1]
        ?.split(/^## /m)[0] ?? "";
    expect(section).toContain(`${REPOSITORY_URL} is an assumption`);
    expect(section).toContain("src/engines/plan/project-urls.ts");
  });

  it.each([
    { file: "README.md", links: ["CONTRIBUTING.md", "docs/architecture.md"] },
    { file: "CONTRIBUTING.md", links: ["docs/architecture.md"] },
    { file: "docs/architecture.md", links: ["../CONTRIBUTING.md"] },
  ])("$file links $links", ({ file, links }) => {
    for (const l of links) expect(read(file)).toContain(`](${l}`);
  });

  it.each(["add-a-fact", "add-a-rule", "add-a-command", "add-a-format"])(
    "CONTRIBUTING.md has the section docs/architecture.md links to (#%s)",
    (anchor) => {
      const headings = [...read("CONTRIBUTING.md").matchAll(/^## (.+)$/gm)].map((m) =>
        (m[1] as string)
          .toLowerCase()
          .replace(/[^\w\s-]/g, "")
          .replace(/\s+/g, "-"),
      );
      expect(headings).toContain(anchor);
      expect(read("docs/architecture.md")).toContain(`CONTRIBUTING.md#${anchor}`);
    },
  );
});

/**
 * Issue #12: no source file over 500 lines (split it by what it holds). Generated files aside; OVER_500 lists the
 * files still over, by name, and may only shrink.
 */
describe("source file size", () => {
  const OVER_500 = new Set<string>([]);
  const sources = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
      const p = `${dir}/${e.name}`;
      return e.isDirectory() ? sources(p) : /\.(ts|mjs)$/.test(e.name) && !/\.generated\./.test(e.name) ? [p] : [];
    });
  const lines = (p: string) => read(p).split("\n").length - 1;

  it("no file under src/ is over 500 lines but those listed", () => {
    expect(sources("src").filter((p) => lines(p) > 500 && !OVER_500.has(p))).toEqual([]);
  });

  it("every listed file is still over 500 lines (drop it from the list once split)", () => {
    expect([...OVER_500].filter((p) => lines(p) <= 500)).toEqual([]);
  });
});
