/** `aksnet migrate -o table`: the report a person reads (blockers, checks, steps, what is one-way). */
import type { Formatter } from "../output/formats.js";
import { renderMigrationText } from "./migration-text.js";
import type { MigrateView } from "./view.js";

const migrateTable: Formatter<MigrateView> = (v) => renderMigrationText(v.migration, v.cluster.name);
export default migrateTable;
