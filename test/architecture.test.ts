/**
 * Layers import only inward: ip ← kb ← engines ← adapters. The IP core has no
 * dependencies at all; the knowledge base depends on nothing but the IP core.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const SRC = join(ROOT, "src");
const RANK = { ip: 0, kb: 1, engines: 2, adapters: 3 } as const;
type Layer = keyof typeof RANK;
/** Packages each layer may import (besides node: built-ins for adapters). */
const ALLOWED_PACKAGES: Record<Layer, (spec: string) => boolean> = {
  ip: () => false,
  kb: () => false,
  engines: (s) => s === "zod" || s === "yaml",
  adapters: () => true,
};

function layerOf(file: string): Layer | undefined {
  const first = relative(SRC, file).split(/[\\/]/)[0];
  return first && first in RANK ? (first as Layer) : undefined;
}

/** Every import specifier in a source text: static imports, re-exports and dynamic import(). */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const re =
    /(?:^|[^.\w])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|(?:^|[^.\w])import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3]) as string);
  return out;
}

/** The layer violations of one file: imports that point outward or use a package the layer may not use. */
export function violations(file: string, text: string): string[] {
  const from = layerOf(file);
  if (!from) return [];
  const problems: string[] = [];
  for (const spec of importsOf(text)) {
    if (spec.startsWith(".")) {
      const target = layerOf(resolve(dirname(file), spec));
      if (target && RANK[target] > RANK[from])
        problems.push(`${relative(ROOT, file)} (${from}) imports ${spec} (${target})`);
    } else if (
      !spec.startsWith("node:") &&
      !ALLOWED_PACKAGES[from](
        spec
          .split("/")
          .slice(0, spec.startsWith("@") ? 2 : 1)
          .join("/"),
      )
    ) {
      if (!(from === "engines" && spec.startsWith("node:")))
        problems.push(`${relative(ROOT, file)} (${from}) imports package ${spec}`);
    } else if (spec.startsWith("node:") && (from === "ip" || from === "kb" || from === "engines")) {
      problems.push(`${relative(ROOT, file)} (${from}) imports ${spec}: only adapters do I/O`);
    }
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|mts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) && !p.includes(`${join("", "testing")}`)
      ? [p]
      : [];
  });
}

describe("layer boundaries", () => {
  it.each([
    {
      name: "ip importing engines is refused",
      file: join(SRC, "ip/x.ts"),
      text: 'import { a } from "../engines/index.js";',
      bad: 1,
    },
    {
      name: "kb importing adapters by dynamic import is refused",
      file: join(SRC, "kb/x.ts"),
      text: 'const m = await import("../adapters/cli/main.js");',
      bad: 1,
    },
    {
      name: "engines re-exporting adapters is refused",
      file: join(SRC, "engines/a/x.ts"),
      text: 'export { run } from "../../adapters/cli/main.js";',
      bad: 1,
    },
    { name: "ip importing a package is refused", file: join(SRC, "ip/x.ts"), text: 'import { z } from "zod";', bad: 1 },
    {
      name: "engines doing file I/O is refused",
      file: join(SRC, "engines/x.ts"),
      text: 'import { readFileSync } from "node:fs";',
      bad: 1,
    },
    {
      name: "adapters importing engines is fine",
      file: join(SRC, "adapters/cli/x.ts"),
      text: 'import { a } from "../../engines/index.js";\nimport { b } from "node:fs";',
      bad: 0,
    },
    {
      name: "engines importing ip and zod is fine",
      file: join(SRC, "engines/x.ts"),
      text: 'import { a } from "../ip/index.js";\nimport { z } from "zod";',
      bad: 0,
    },
    {
      name: "type-only imports count too",
      file: join(SRC, "kb/x.ts"),
      text: 'import type { Plan } from "../engines/plan/schema.js";',
      bad: 1,
    },
  ])("$name", ({ file, text, bad }) => {
    expect(violations(file, text)).toHaveLength(bad);
  });

  it("no source file imports outward", () => {
    const all = sourceFiles(SRC).flatMap((f) => violations(f, readFileSync(f, "utf8")));
    expect(all).toEqual([]);
  });

  it("every layer has an index.ts that is its public surface", () => {
    for (const layer of Object.keys(RANK)) expect(statSync(join(SRC, layer, "index.ts")).isFile()).toBe(true);
  });
});

/**
 * Inspect: the adapter only reads (the Kubernetes API, dumps) and builds a snapshot; every judgement is the
 * engine's (src/engines/inspect). The Kubernetes client is loaded only by the live reader, and only on use.
 */
describe("inspect: the adapter reads, the engine judges", () => {
  const ADAPTER = join(SRC, "adapters/inspect");
  const ENGINE_INDEX = join(SRC, "engines/inspect/index.ts");
  const files = sourceFiles(ADAPTER);

  /** Where an inspect adapter file reaches outside its folder other than through the engine's index. */
  function reachesOut(file: string, text: string): string[] {
    return importsOf(text).flatMap((spec) => {
      if (!spec.startsWith(".")) return [];
      const target = resolve(dirname(file), spec).replace(/\.js$/, ".ts");
      if (target.startsWith(ADAPTER + "/") || target === ENGINE_INDEX) return [];
      return [`${relative(ROOT, file)} imports ${spec}`];
    });
  }

  it.each([
    { name: "the engine's index is fine", spec: "../../engines/inspect/index.js", bad: 0 },
    { name: "a sibling file is fine", spec: "./dump.js", bad: 0 },
    { name: "an engine's inner file is refused", spec: "../../engines/inspect/classify.js", bad: 1 },
    { name: "the IP core is refused (judging is the engine's)", spec: "../../ip/index.js", bad: 1 },
    { name: "another adapter is refused", spec: "../importers/index.js", bad: 1 },
  ])("$name", ({ spec, bad }) => {
    expect(reachesOut(join(ADAPTER, "x.ts"), `import { a } from "${spec}";`)).toHaveLength(bad);
  });

  it("adapters/inspect imports only its own files and src/engines/inspect/index.ts", () => {
    expect(files.flatMap((f) => reachesOut(f, readFileSync(f, "utf8")))).toEqual([]);
  });

  it("only adapters/inspect/live.ts loads @kubernetes/client-node, with a dynamic import", () => {
    const loaders = sourceFiles(SRC).filter((f) => {
      const text = readFileSync(f, "utf8").replace(/^import type .*$/gm, "");
      return importsOf(text).some((s) => s.startsWith("@kubernetes/client-node"));
    });
    expect(loaders.map((f) => relative(ROOT, f))).toEqual(["src/adapters/inspect/live.ts"]);
    const live = readFileSync(join(ADAPTER, "live.ts"), "utf8").replace(/^import type .*$/gm, "");
    expect(live).not.toMatch(/^import [^(]*["']@kubernetes\/client-node["']/m);
  });
});
