/**
 * Reads the configured side of a cluster — `az aks show -o json` / ARM
 * (`--aks-json`) or an aksnet plan (`--plan`) — with the importers, and hands
 * the plan to the inspect engine.
 */
import { loadPlanFiles, type Location, type PlanFile } from "../../importers/index.js";
import type { FieldPath } from "../../../engines/plan/index.js";
import { configuredCluster, type LoadedConfiguration } from "../../../engines/inspect/index.js";

/** A configuration file that cannot be used; the message names it and what to do. */
export class ConfiguredError extends Error {
  override readonly name = "ConfiguredError";
}

/** The configuration, and where each of its fields is written (file, line, column: for SARIF). */
export interface ConfigurationFiles {
  readonly configuration: LoadedConfiguration;
  locate(path: FieldPath): Location;
  /** The files as read: their `# aksnet-ignore` comments (inline-policy.ts). */
  readonly sources: readonly PlanFile[];
}

/** Loads and resolves the files (one plan, or a cluster JSON plus a VNet JSON). */
export function loadConfiguration(files: readonly PlanFile[]): ConfigurationFiles {
  let loaded;
  try {
    loaded = loadPlanFiles(files);
  } catch (e) {
    throw new ConfiguredError((e as Error).message);
  }
  if (!loaded.plan) {
    const p = loaded.problems[0];
    throw new ConfiguredError(
      p
        ? `${p.file}:${p.line}:${p.column}: ${p.message}`
        : `${files.map((f) => f.fileName).join(", ")} holds no usable cluster configuration.`,
    );
  }
  const located = loaded;
  return {
    configuration: configuredCluster(
      loaded.plan,
      files.map((f) => f.fileName),
    ),
    locate: (path) => located.locate([...path]),
    sources: files,
  };
}
