/**
 * Rewrites the output of every `$ aksnet …` example in docs/ from the current CLI
 * (and the exit=N marker). Run after a deliberate output change: `npm run docs:update`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { docExamples, runExample } from "../test/docs-examples.js";

const ROOT = resolve(import.meta.dirname, "..");
const only = process.argv.slice(2);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? markdownFiles(p) : n.endsWith(".md") ? [p] : [];
  });
}

for (const file of markdownFiles(join(ROOT, "docs"))) {
  if (only.length && !only.some((o) => file.endsWith(o))) continue;
  let text = readFileSync(file, "utf8");
  const examples = docExamples(text).reverse();
  if (!examples.length) continue;
  for (const ex of examples) {
    const { stdout, stderr, code } = await runExample(ex, ROOT);
    const shown = ex.stream === "stderr" ? stderr : stdout;
    text = text.slice(0, ex.start) + shown.replace(/\n*$/, "\n") + text.slice(ex.end);
    // Update the exit marker on the opening fence (a stderr marker stays).
    const fenceStart = text.lastIndexOf("```console", ex.start);
    const fenceEnd = text.indexOf("\n", fenceStart);
    const marks = (code ? ` exit=${code}` : "") + (ex.stream === "stderr" ? " stderr" : "");
    text = text.slice(0, fenceStart) + "```console" + marks + text.slice(fenceEnd);
  }
  writeFileSync(file, text);
  console.log(`updated ${file.slice(ROOT.length + 1)} (${examples.length} examples)`);
}
