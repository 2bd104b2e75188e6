/**
 * The docs are executable: every ```console block in docs/*.md whose first line is
 * `$ aksnet …` is run through the CLI in-process, and its standard output must
 * equal the rest of the block. The info string may carry `exit=N` (default 0).
 * Regenerate the outputs after a deliberate change with `npm run docs:update`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { docExamples, runExample } from "./docs-examples.js";

const ROOT = resolve(import.meta.dirname, "..");

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? markdownFiles(p) : n.endsWith(".md") ? [p] : [];
  });
}

const files = markdownFiles(join(ROOT, "docs"));

describe("docs examples", () => {
  for (const file of files) {
    const examples = docExamples(readFileSync(file, "utf8"));
    if (examples.length === 0) continue;
    describe(file.slice(ROOT.length + 1), () => {
      for (const ex of examples) {
        it(`$ ${ex.command}`, async () => {
          const { stdout, code } = await runExample(ex, ROOT);
          expect(stdout.trimEnd()).toBe(ex.expected.trimEnd());
          expect(code).toBe(ex.exit);
        });
      }
    });
  }

  it("every command has a docs page with at least one checked example", () => {
    for (const name of [
      "compare",
      "size",
      "check",
      "recommend",
      "generate",
      "migrate",
      "inspect",
      "cidr",
      "serve",
      "layout",
      "scan",
    ]) {
      const page = join(ROOT, "docs", `${name}.md`);
      expect(statSync(page, { throwIfNoEntry: false })?.isFile(), `docs/${name}.md is missing`).toBe(true);
      expect(docExamples(readFileSync(page, "utf8")).length, `docs/${name}.md has no console example`).toBeGreaterThan(
        0,
      );
    }
  });
});
