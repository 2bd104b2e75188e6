/**
 * The docs are executable: every ```console block in docs/*.md whose first line is
 * `$ aksnet …` is run through the CLI in-process, and its standard output must
 * equal the rest of the block. The info string may carry `exit=N` (default 0) and `stderr` (the block shows
 * standard error, and standard output must be empty).
 * Regenerate the outputs after a deliberate change with `npm run docs:update`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../src/adapters/cli/io.js";
import { run } from "../src/adapters/cli/main.js";
import { docExamples, outDirExamples, runExample } from "./docs-examples.js";

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
          const { stdout, stderr, code } = await runExample(ex, ROOT);
          expect((ex.stream === "stderr" ? stderr : stdout).trimEnd()).toBe(ex.expected.trimEnd());
          if (ex.stream === "stderr") expect(stdout).toBe("");
          expect(code).toBe(ex.exit);
        });
      }
    });
  }

  describe("--out-dir listings (standard error: the files written, each on disk)", () => {
    const listings = files.flatMap((file) =>
      outDirExamples(readFileSync(file, "utf8")).map((ex) => ({ page: file.slice(ROOT.length + 1), ...ex })),
    );
    it("finds the listings of docs/fleet.md and docs/generate.md", () => {
      expect(new Set(listings.map((l) => l.page))).toEqual(new Set(["docs/fleet.md", "docs/generate.md"]));
    });
    it.each(listings.map((l) => [`${l.page}: $ ${l.command}`, l] as const))("%s", async (_name, ex) => {
      const dir = mkdtempSync(join(tmpdir(), "aksnet-docs-outdir-"));
      try {
        const at = ex.argv.indexOf("--out-dir") + 1;
        const shown = ex.argv[at]!;
        const argv = ex.argv.map((a, i) => (i === at ? join(dir, shown) : a));
        const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT, isTTY: false });
        expect(await run(argv, io)).toBe(0);
        expect(io.stderr.split(`${dir}/`).join("").trimEnd()).toBe(ex.expected.trimEnd());
        const wrote = /wrote (.*)$/m.exec(ex.expected)?.[1]?.split(", ") ?? [];
        expect(wrote.length).toBeGreaterThan(0);
        for (const f of wrote) expect(existsSync(join(dir, f)), f).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

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
