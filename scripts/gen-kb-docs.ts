/**
 * Writes docs/kb.md, every fact of the knowledge base with its sources, from src/kb.
 * `src/kb/kb.test.ts` fails when the page drifts. Usage: npx tsx scripts/gen-kb-docs.ts (or npm run generate).
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { renderFactsMarkdown } from "../src/kb/index.js";

const root = resolve(import.meta.dirname, "..");
writeFileSync(join(root, "docs/kb.md"), renderFactsMarkdown());
console.log("wrote docs/kb.md");
