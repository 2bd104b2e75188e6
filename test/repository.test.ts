/** The files a newcomer and a packager look for: the licence matching package.json, and the contributor docs. */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const read = (p: string) => readFileSync(join(ROOT, p), "utf8");

describe("repository files", () => {
  it("LICENSE is the licence package.json names", () => {
    const pkg = JSON.parse(read("package.json")) as { license: string };
    const titles: Record<string, RegExp> = { MIT: /^MIT License\n/ };
    expect(titles[pkg.license], `no LICENSE check for ${pkg.license}`).toBeDefined();
    expect(read("LICENSE")).toMatch(titles[pkg.license] as RegExp);
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
