/**
 * `npm run generate`: regenerates every generated file, in dependency order. Each file has a test that fails
 * when it is stale, naming this command. Adding a generated file is one line in GENERATORS.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");

/** What each step writes, and the script (run with tsx) or command that writes it. */
export const GENERATORS: readonly { readonly writes: string; readonly run: readonly string[] }[] = [
  { writes: "schema/aksnet-*.schema.json", run: ["tsx", "scripts/gen-plan-schema.ts"] },
  { writes: "schema/aksnet-config.schema.json", run: ["tsx", "scripts/gen-cli-schemas.ts"] },
  { writes: "schema/output/*.schema.json", run: ["tsx", "scripts/gen-output-schemas.ts"] },
  { writes: "docs/rules/*.md", run: ["tsx", "scripts/gen-rule-docs.ts"] },
  { writes: "docs/kb.md", run: ["tsx", "scripts/gen-kb-docs.ts"] },
  {
    writes: "src/adapters/generate/__golden__/*",
    run: ["vitest", "run", "src/adapters/generate/generate.test.ts", "--update"],
  },
  // Last: the examples print rule ids, facts and generated code.
  { writes: "docs/*.md examples", run: ["tsx", "scripts/update-docs.ts"] },
];

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const g of GENERATORS) {
    const [bin, ...args] = g.run;
    const r = spawnSync("npx", ["--no-install", bin as string, ...args], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) {
      console.error(`npm run generate: writing ${g.writes} failed (${g.run.join(" ")}).`);
      process.exit(r.status ?? 1);
    }
  }
}
