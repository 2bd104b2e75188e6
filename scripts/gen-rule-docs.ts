/**
 * Writes docs/rules/<id>.md for every rule and the index docs/rules/README.md
 * from the rules' metadata. `src/engines/validate/catalog.test.ts` fails when the files drift.
 * Usage: npx tsx scripts/gen-rule-docs.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ruleDocs } from "../src/engines/validate/catalog.js";
import { RULES } from "../src/engines/validate/rules/index.js";
import { DRIFT_RULES, HEADROOM_META } from "../src/engines/inspect/index.js";
import { FLEET_RULES } from "../src/engines/fleet/index.js";
import { SUPPRESSION_RULE } from "../src/adapters/cli/policy/index.js";

const root = resolve(import.meta.dirname, "..");
const dir = join(root, "docs/rules");
mkdirSync(dir, { recursive: true });
// aksnet check's rules, inspect's drift rules (the configuration against the running cluster) and headroom
// checks (inspect/headroom), the fleet rules, and the CLI's own finding about a bad `# aksnet-ignore`
// comment (docs/ci.md).
const docs = ruleDocs([...RULES, ...DRIFT_RULES, { meta: HEADROOM_META }, ...FLEET_RULES, SUPPRESSION_RULE]);
for (const name of readdirSync(dir)) if (!docs.has(`docs/rules/${name}`)) rmSync(join(dir, name));
for (const [path, text] of docs) writeFileSync(join(root, path), text);
console.log(`wrote ${docs.size} files under docs/rules/`);
