/** `npm run generate` regenerates every generated file: each generator script is one of its steps. */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATORS } from "../scripts/generate.js";

const ROOT = resolve(import.meta.dirname, "..");
/**
 * Scripts named gen-* that write no checked-in file: gen-cluster.ts makes synthetic clusters for fixtures and
 * benchmarks.
 */
const NOT_GENERATORS = new Set(["gen-cluster.ts"]);

describe("npm run generate", () => {
  it("runs every scripts/gen-*.ts that writes a checked-in file", () => {
    const scripts = readdirSync(join(ROOT, "scripts")).filter((n) => /^gen-.*\.ts$/.test(n) && !NOT_GENERATORS.has(n));
    const steps = GENERATORS.flatMap((g) => g.run.filter((a) => a.startsWith("scripts/")).map((a) => a.slice(8)));
    expect(steps).toEqual(expect.arrayContaining(scripts));
    expect(scripts.length).toBeGreaterThan(0);
  });

  it("is the package's generate script", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts["generate"]).toBe("tsx scripts/generate.ts");
  });

  it("writes the doc examples last (they print what the other steps write)", () => {
    expect(GENERATORS.at(-1)?.run).toContain("scripts/update-docs.ts");
  });
});
