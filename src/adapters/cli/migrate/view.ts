/** What every `migrate` formatter gets: the migration and the cluster it is for. */
import type { Migration } from "../../../engines/migrate/index.js";

export interface MigrateView {
  readonly migration: Migration;
  readonly cluster: { readonly name: string; readonly resourceGroup: string };
}
