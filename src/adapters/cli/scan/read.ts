/**
 * The scan's reads and judgement, shared by `aksnet scan` and `inspect --azure`:
 * the estate from Azure (the SDK, Node.js 22+) or from saved az JSON, each
 * cluster's record read as a plan, and the scan engine's report.
 */
import { resolve } from "node:path";
import type { BuiltEstate } from "../../azure/index.js";
import { UsageError } from "../errors.js";
import type { Io } from "../io.js";
import type { ScanOutput, ScanSource } from "./scan-text.js";
import { OUTPUT_API_VERSION } from "../output/formats.js";

/** What was read, and from where. */
export interface Read {
  readonly built: BuiltEstate;
  readonly source: ScanSource;
  readonly requests: ScanOutput["requests"];
}

export interface LiveRequest {
  readonly subscriptions: readonly string[];
  readonly managementGroup?: string | undefined;
  readonly resourceGroups: readonly string[];
  readonly clusters: readonly string[];
  /** Only clusters whose node resource group is one of these. */
  readonly nodeResourceGroups?: readonly string[];
  /** The ARM endpoint as the user gave it (checked here). */
  readonly endpoint: string;
  readonly timeoutSeconds: number;
  readonly concurrency: number;
  /** What the Node.js-too-old sentence offers instead (default: scan's `--from`). */
  readonly offline?: string;
}

/** Saved az JSON; `flag` is the option that named the files (`--from`, inspect's `--azure-from`) for messages. */
export async function readFromFiles(files: readonly string[], io: Io, flag = "--from"): Promise<Read> {
  const { readEstateFiles, EstateFileError } = await import("../../azure/index.js");
  if (files.filter((f) => f === "-").length)
    throw new UsageError(`${flag} reads files; standard input (-) is not supported, save it to a file.`);
  try {
    const built = await readEstateFiles(files.map((f) => ({ path: resolve(io.cwd, f), shown: f })));
    return { built, source: { kind: "files", files: [...files] }, requests: null };
  } catch (e) {
    if (e instanceof EstateFileError)
      throw new UsageError(e.message.replace(/\.$/, "").replace(/--from\b/g, flag) + ".");
    throw e;
  }
}

export async function readLive(req: LiveRequest, io: Io): Promise<Read> {
  const azure = await import("../../azure/index.js");
  if (azure.nodeTooOld())
    throw new UsageError(
      `the live Azure scan needs Node.js ${azure.MIN_NODE_MAJOR} or later (the Azure SDK requires it), ` +
        `and this is Node.js ${process.versions.node}; run it with Node.js ${azure.MIN_NODE_MAJOR}+, ` +
        `or ${req.offline ?? "scan saved az JSON with --from (docs/scan.md)"}.`,
    );
  let endpoint: URL;
  try {
    endpoint = new URL(req.endpoint);
  } catch {
    throw new UsageError(
      `--arm-endpoint "${req.endpoint}" is not a URL; give e.g. https://management.usgovcloudapi.net.`,
    );
  }
  if (endpoint.protocol !== "https:")
    throw new UsageError(`--arm-endpoint must be an https:// URL, got "${endpoint.href}".`);
  const token = io.env["AKSNET_AZURE_ACCESS_TOKEN"];
  const credential = token ? azure.staticTokenCredential(token) : await azure.defaultCredential();
  const subscriptions = [...req.subscriptions];
  const mg = req.managementGroup;
  try {
    const r = await azure.readAzureEstate({
      credential,
      endpoint: endpoint.origin,
      subscriptions,
      ...(mg ? { managementGroup: mg } : {}),
      resourceGroups: [...req.resourceGroups],
      clusters: [...req.clusters],
      nodeResourceGroups: [...(req.nodeResourceGroups ?? [])],
      timeoutMs: req.timeoutSeconds * 1000,
      concurrency: req.concurrency,
    });
    const scope = subscriptions.length
      ? `${subscriptions.length} subscription(s)`
      : mg
        ? `management group ${mg}`
        : "every subscription the credential can read";
    const { log: _log, ...requests } = r.stats;
    return { built: r, source: { kind: "azure", scope, endpoint: endpoint.origin } as ScanSource, requests };
  } catch (e) {
    if (e instanceof azure.AzureReadError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * The version of `aksnet scan -o json` (docs/scan.md, "JSON output"): new fields may be added within it; a field
 * removed, renamed or given another meaning makes a new one.
 */
export const SCAN_API_VERSION = OUTPUT_API_VERSION;

/** The scan engine's report on what was read (clusters filtered by resource group and name, any case). */
export async function judge(
  read: Read,
  filter: { readonly resourceGroups?: readonly string[]; readonly clusters?: readonly string[] },
): Promise<ScanOutput> {
  const [{ scanEstate }, { clusterPlans }, { onlyClusters }] = await Promise.all([
    import("../../../engines/scan/index.js"),
    import("./plans.js"),
    import("./filter.js"),
  ]);
  const snapshot = onlyClusters(read.built.snapshot, filter.resourceGroups, filter.clusters);
  const report = scanEstate({ snapshot, plans: clusterPlans(snapshot, read.built.records) });
  return { kind: "ScanReport", apiVersion: SCAN_API_VERSION, source: read.source, requests: read.requests, ...report };
}
