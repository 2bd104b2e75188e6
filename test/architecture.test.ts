/**
 * The architecture, enforced (docs/architecture.md explains it):
 * - layers import only inward: ip ← kb ← engines ← adapters; the IP core and the
 *   knowledge base use no package, engines only zod and yaml, and only adapters do I/O;
 * - a module is `ip`, `kb`, `engines/<name>` or `adapters/<name>`; an import into
 *   another module goes through that module's `index.ts`, never past it;
 * - adapters do not import one another, with one exception: a face (the CLI, the web
 *   page, the MCP server) may use the adapters that read and write for it (importers,
 *   generate, inspect, azure…), and the CLI, being the process, may start the other faces
 *   (`serve`, `mcp`); nothing imports a face but the CLI and the library surface;
 * - engine code (and ip, kb) compiles without the DOM's types (tsconfig.core.json, run by
 *   `npm run typecheck`).
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
/** Adapters that face a user; the others read and write for them. */
const FACES = new Set(["cli", "web", "mcp"]);
/** Files that make up the library's public surface: they re-export modules. */
const SURFACES = new Set(["index.ts", "engines/index.ts", "adapters/index.ts"]);

function layerOf(file: string): Layer | undefined {
  const first = relative(SRC, file).split(/[\\/]/)[0];
  return first && first in RANK ? (first as Layer) : undefined;
}

/** The module a source file belongs to: `ip`, `kb`, `engines/plan`, `adapters/cli`; undefined for a surface. */
export function moduleOf(file: string): string | undefined {
  const parts = relative(SRC, file).split(/[\\/]/);
  if (SURFACES.has(parts.join("/"))) return undefined;
  if (parts[0] === "ip" || parts[0] === "kb") return parts[0];
  if ((parts[0] === "engines" || parts[0] === "adapters") && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  return parts[0];
}

/** Every import specifier in a source text: static imports, re-exports and dynamic import(). */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const staticImport = String.raw`(?:^|[^.\w])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']`;
  const dynamicImport = String.raw`(?:^|[^.\w])import\s*\(\s*["']([^"']+)["']\s*\)`;
  const bareImport = String.raw`^\s*import\s+["']([^"']+)["']`;
  const re = new RegExp(`${staticImport}|${dynamicImport}|${bareImport}`, "gm");
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3]) as string);
  return out;
}

/** Why importing `target` from `file` crosses a module boundary wrongly, or undefined. */
function boundaryProblem(file: string, target: string): string | undefined {
  const from = moduleOf(file);
  const to = moduleOf(target);
  if (to === undefined || from === to) return undefined;
  if (relative(join(SRC, to), target).replace(/\.[jt]s$/, "") !== "index")
    return `reaches past ${to}/index.ts (import it from there)`;
  if (from === undefined || !from.startsWith("adapters/") || !to.startsWith("adapters/")) return undefined;
  const [a, b] = [from.slice("adapters/".length), to.slice("adapters/".length)];
  if (FACES.has(b) && a !== "cli") return `imports the ${b} face (only the CLI starts other faces)`;
  if (!FACES.has(a)) return `imports the sibling adapter ${b} (only faces use other adapters)`;
  return undefined;
}

/** The violations of one file: imports that point outward, cross a module wrongly, or use a forbidden package. */
export function violations(file: string, text: string): string[] {
  const from = layerOf(file);
  if (!from) return [];
  const problems: string[] = [];
  const at = (spec: string) => `${relative(ROOT, file)} (${from}) imports ${spec}`;
  for (const spec of importsOf(text)) {
    if (spec.startsWith(".")) {
      const target = resolve(dirname(file), spec);
      const to = layerOf(target);
      if (to && RANK[to] > RANK[from]) problems.push(`layer: ${at(spec)} (${to})`);
      else {
        const why = boundaryProblem(file, target);
        if (why) problems.push(`module: ${at(spec)}: ${why}`);
      }
    } else if (spec.startsWith("node:")) {
      if (from !== "adapters") problems.push(`layer: ${at(spec)}: only adapters do I/O`);
    } else if (!ALLOWED_PACKAGES[from](packageOf(spec))) problems.push(`layer: ${at("package " + spec)}`);
  }
  return problems;
}

function packageOf(spec: string): string {
  return spec
    .split("/")
    .slice(0, spec.startsWith("@") ? 2 : 1)
    .join("/");
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
      file: "ip/x.ts",
      text: 'import { a } from "../engines/index.js";',
      bad: 1,
    },
    {
      name: "kb importing adapters by dynamic import is refused",
      file: "kb/x.ts",
      text: 'const m = await import("../adapters/cli/main.js");',
      bad: 1,
    },
    {
      name: "engines re-exporting adapters is refused",
      file: "engines/a/x.ts",
      text: 'export { run } from "../../adapters/cli/main.js";',
      bad: 1,
    },
    { name: "ip importing a package is refused", file: "ip/x.ts", text: 'import { z } from "zod";', bad: 1 },
    {
      name: "engines doing file I/O is refused",
      file: "engines/a/x.ts",
      text: 'import { readFileSync } from "node:fs";',
      bad: 1,
    },
    {
      name: "adapters importing an engine's index and node: is fine",
      file: "adapters/cli/x.ts",
      text: 'import { a } from "../../engines/plan/index.js";\nimport { b } from "node:fs";',
      bad: 0,
    },
    {
      name: "engines importing ip and zod is fine",
      file: "engines/a/x.ts",
      text: 'import { a } from "../../ip/index.js";\nimport { z } from "zod";',
      bad: 0,
    },
    {
      name: "type-only imports count too",
      file: "kb/x.ts",
      text: 'import type { Plan } from "../engines/schema/schema.js";',
      bad: 1,
    },
  ])("$name", ({ file, text, bad }) => {
    expect(violations(join(SRC, file), text)).toHaveLength(bad);
  });

  it("no source file imports outward", () => {
    const all = sourceFiles(SRC).flatMap((f) =>
      violations(f, readFileSync(f, "utf8")).filter((v) => v.startsWith("layer:")),
    );
    expect(all).toEqual([]);
  });

  it("the core compiles without the DOM's types (tsconfig.core.json, run by npm run typecheck)", () => {
    const core = JSON.parse(readFileSync(join(ROOT, "tsconfig.core.json"), "utf8")) as {
      compilerOptions: { lib: string[]; types: string[] };
      include: string[];
    };
    expect(core.compilerOptions.lib.filter((l) => /dom/i.test(l))).toEqual([]);
    expect(core.compilerOptions.types).toEqual([]);
    expect(core.include).toEqual(expect.arrayContaining(["src/ip", "src/kb", "src/engines"]));
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts["typecheck"]).toContain("tsc -p tsconfig.core.json");
  });

  it("every layer has an index.ts that is its public surface", () => {
    for (const layer of Object.keys(RANK)) expect(statSync(join(SRC, layer, "index.ts")).isFile()).toBe(true);
  });
});

/**
 * Imports that still reach past an index or into a sibling, each to be fixed by its
 * area's owner (docs/architecture.md): the list may only shrink. A new violation fails,
 * and so does a fixed one still listed here (delete its line).
 */
const KNOWN: readonly string[] = [];

const key = (v: string) => v.replace(/^module: (\S+) \(\w+\) imports ([^:]+):.*$/, "$1 → $2");

describe("module boundaries", () => {
  it.each([
    { name: "past the IP core's index", file: "adapters/cli/x.ts", text: 'import "../../ip/prefix.js";', bad: 1 },
    { name: "past a KB index", file: "engines/plan/x.ts", text: 'import "../../kb/ids.js";', bad: 1 },
    { name: "past another engine's index", file: "engines/plan/x.ts", text: 'import "../validate/rule.js";', bad: 1 },
    { name: "into another engine's index", file: "engines/plan/x.ts", text: 'import "../validate/index.js";', bad: 0 },
    { name: "within one module", file: "engines/plan/x.ts", text: 'import "./schema.js";', bad: 0 },
    { name: "within one adapter's folders", file: "adapters/cli/a/x.ts", text: 'import "../b/y.js";', bad: 0 },
    { name: "the library surface re-exports", file: "index.ts", text: 'export * from "./ip/index.js";', bad: 0 },
    { name: "a face uses an adapter", file: "adapters/web/x.ts", text: 'import "../generate/index.js";', bad: 0 },
    {
      name: "the CLI starts the web face",
      file: "adapters/cli/serve/c.ts",
      text: 'import("../../web/index.js");',
      bad: 0,
    },
    {
      name: "the web page imports the CLI's renderers",
      file: "adapters/web/client/x.ts",
      text: 'import "../../cli/index.js";',
      bad: 1,
    },
    {
      name: "the web page draws a view through the views index",
      file: "adapters/web/client/x.ts",
      text: 'import "../../../engines/views/index.js";',
      bad: 0,
    },
    {
      name: "the web page reaching past the views index",
      file: "adapters/web/client/x.ts",
      text: 'import "../../../engines/views/chart.js";',
      bad: 1,
    },
    {
      name: "a view importing the web face",
      file: "engines/views/x.ts",
      text: 'import "../../adapters/web/index.js";',
      bad: 1,
    },
    {
      name: "an adapter imports a sibling",
      file: "adapters/generate/x.ts",
      text: 'import "../importers/index.js";',
      bad: 1,
    },
  ])("$name", ({ file, text, bad }) => {
    expect(violations(join(SRC, file), text)).toHaveLength(bad);
  });

  it("every import into another module goes through its index.ts; adapters use only what they may", () => {
    const all = sourceFiles(SRC).flatMap((f) => violations(f, readFileSync(f, "utf8")));
    expect(all.filter((v) => !KNOWN.includes(key(v)))).toEqual([]);
  });

  it("every known violation still exists (delete the fixed ones from KNOWN)", () => {
    const found = new Set(sourceFiles(SRC).flatMap((f) => violations(f, readFileSync(f, "utf8")).map(key)));
    expect(KNOWN.filter((k) => !found.has(k))).toEqual([]);
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

/** The Azure SDK is large and needs Node.js 22: only the scan's client module loads it, and only on use. */
describe("azure: the SDK loads only in the live read", () => {
  it("only adapters/azure/clients.ts loads @azure/* packages, each with a dynamic import", () => {
    const loaders = sourceFiles(SRC).filter((f) => {
      const text = readFileSync(f, "utf8").replace(/^import type [\s\S]*?;$/gm, "");
      return importsOf(text).some((s) => s.startsWith("@azure/"));
    });
    expect(loaders.map((f) => relative(ROOT, f))).toEqual(["src/adapters/azure/clients.ts"]);
    const text = readFileSync(join(SRC, "adapters/azure/clients.ts"), "utf8").replace(/^import type .*$/gm, "");
    expect(text).not.toMatch(/^import [^(]*["']@azure\//m);
  });
});

/**
 * docs/architecture.md is the one-hop map: every module folder is named in it, and every source file it names
 * exists, so the page cannot fall behind the code unnoticed.
 */
describe("docs/architecture.md", () => {
  const page = readFileSync(join(ROOT, "docs/architecture.md"), "utf8");
  const folders = (layer: string) =>
    readdirSync(join(SRC, layer)).filter((n) => statSync(join(SRC, layer, n)).isDirectory());

  it.each(["engines", "adapters"])("names every module under src/%s in its module table", (layer) => {
    const named = new Set([...page.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]));
    expect(folders(layer).filter((m) => !named.has(m))).toEqual([]);
  });

  it("names only source files that exist", () => {
    const paths = [...page.matchAll(/`((?:src|test|scripts|bench)\/[\w./-]+\.(?:ts|mjs))`/g)].map(
      (m) => m[1] as string,
    );
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !statSync(join(ROOT, p), { throwIfNoEntry: false }))).toEqual([]);
  });

  it("names only folders that exist (`src/adapters/cli/mcp/`, not a folder that moved)", () => {
    const dirs = [...page.matchAll(/`((?:src|test|scripts|bench|docs|schema)\/[\w./-]*\/)`/g)].map(
      (m) => m[1] as string,
    );
    expect(dirs.length).toBeGreaterThan(10);
    expect(dirs.filter((d) => !statSync(join(ROOT, d), { throwIfNoEntry: false })?.isDirectory())).toEqual([]);
  });

  it("names only files of a module folder that exist (`per-node.ts` in a row naming src/engines/capacity/)", () => {
    const missing: string[] = [];
    for (const row of page.split("\n").filter((l) => l.startsWith("| "))) {
      const dir = /`(src\/[\w/-]+\/)`/.exec(row)?.[1];
      if (!dir || !statSync(join(ROOT, dir), { throwIfNoEntry: false })) continue;
      for (const m of row.matchAll(/`([\w-]+\.ts)`/g))
        if (!readdirSync(join(ROOT, dir), { recursive: true }).some((f) => String(f).endsWith(m[1] as string)))
          missing.push(`${dir}${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
