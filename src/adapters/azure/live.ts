/**
 * The live read: Resource Graph for every cluster in scope and the VNets their
 * pools use (paged with skip tokens, one query for the whole scope — never one
 * per subscription), then one VNet usage read per VNet in use. Reads only:
 * Resource Graph's query POST and GETs. A subscription that answers 403 is
 * reported and the scan goes on; the run's time limit bounds everything, and
 * whatever was not read is listed in `missing`.
 */
import type { TokenCredential } from "@azure/core-auth";
import type { Missing } from "../../engines/scan/index.js";
import { networkClients, nodeTooOld, resourceGraphClient, MIN_NODE_MAJOR, type ClientSettings } from "./clients.js";
import { EstateBuilder, type BuiltEstate } from "./estate.js";
import { budgetOf, newStats, type RequestStats } from "./policies.js";
import { clustersQuery, subnetsQuery, vnetsQuery, type VnetFilter } from "./queries.js";
import { parseResourceId } from "./records.js";
import { errorReason, reasonWithin, statusOf } from "./reasons.js";
import { readUsages } from "./usage.js";

export interface LiveScanOptions {
  readonly credential: TokenCredential;
  /** The ARM endpoint (default https://management.azure.com; sovereign clouds and tests set another). */
  readonly endpoint?: string;
  /** Subscriptions to scan; none: every subscription the credential can read (or the management group). */
  readonly subscriptions?: readonly string[];
  readonly managementGroup?: string;
  readonly resourceGroups?: readonly string[];
  readonly clusters?: readonly string[];
  /** Only clusters whose node resource group is one of these (`inspect --azure` without a resource ID). */
  readonly nodeResourceGroups?: readonly string[];
  /** The whole run's time limit, ms (default 300,000). */
  readonly timeoutMs?: number;
  /** One request's time limit, ms (default 60,000, at most the run's). */
  readonly requestTimeoutMs?: number;
  /** Retries per request after a 429, 5xx or network error (default 4). */
  readonly maxRetries?: number;
  /** VNet usage reads in flight at once (default 16). */
  readonly concurrency?: number;
  /** The largest response body read, bytes (default 256 MiB). */
  readonly maxBodyBytes?: number;
  /** Resource Graph rows per page (default and most: 1,000). */
  readonly pageSize?: number;
  /** Pages per query before the scan stops following skip tokens (default 1,000). */
  readonly maxPages?: number;
}

export interface LiveScanResult extends BuiltEstate {
  readonly stats: RequestStats;
}

/** The live scan cannot start (Node.js too old, Resource Graph refuses the whole scope): one sentence. */
export class AzureReadError extends Error {
  override readonly name = "AzureReadError";
}

const SUBSCRIPTIONS_PER_QUERY = 1000;
const IDS_PER_QUERY = 100;
/**
 * Resource Graph queries in flight at once after the clusters' (whose pages
 * follow one another). Resource Graph allows 15 queries per 5 s window per user
 * by default; beyond it, its 429 and quota headers make the retry policy wait.
 */
const QUERIES_IN_FLIGHT = 4;

const chunks = <T>(xs: readonly T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

interface Run {
  readonly o: Required<
    Omit<LiveScanOptions, "subscriptions" | "managementGroup" | "resourceGroups" | "clusters" | "nodeResourceGroups">
  > &
    LiveScanOptions;
  readonly settings: ClientSettings;
  readonly builder: EstateBuilder;
  readonly missing: Missing[];
  /** Subscriptions Resource Graph refused (403), lower case → why. */
  readonly refused: Map<string, string>;
}

type ResourceGraph = Awaited<ReturnType<typeof resourceGraphClient>>;

type Scope = { subscriptions?: string[]; managementGroups?: string[] };

/** Every page of one query over one scope; the rows go to the builder. A repeated skip token ends it. */
/** Where a query's rows and missing parts go: the run's builder, or a buffer merged later in a fixed order. */
interface Sink {
  add(row: unknown): unknown;
  readonly missing: Missing[];
}

async function query(run: Run, rg: ResourceGraph, text: string, scope: Scope, what: string, sink: Sink) {
  const seen = new Set<string>();
  let skipToken: string | undefined;
  for (let page = 0; page < run.o.maxPages; page++) {
    let limitHit = false;
    const r = await rg.resources(
      {
        query: text,
        ...scope,
        options: { top: run.o.pageSize, resultFormat: "objectArray", ...(skipToken ? { skipToken } : {}) },
      },
      {
        abortSignal: run.settings.budget.signal,
        onResponse: (raw) => {
          limitHit ||= raw.headers.get("x-ms-tenant-subscription-limit-hit") === "true";
        },
      },
    );
    const rows: unknown[] = Array.isArray(r.data) ? r.data : [];
    for (const row of rows) sink.add(row);
    if (limitHit && page === 0)
      sink.missing.push({
        what: `${what} in subscriptions beyond the first 10,000 of the scope`,
        reason:
          "Resource Graph answers for the first 10,000 subscriptions only (x-ms-tenant-subscription-limit-hit); " +
          "scan with --subscription or --management-group",
      });
    if (!r.skipToken || rows.length === 0) return;
    if (seen.has(r.skipToken)) {
      sink.missing.push({
        what: `${what} after page ${page + 1}`,
        reason: "Resource Graph sent the same skip token twice; the rest was not read",
      });
      return;
    }
    seen.add(r.skipToken);
    skipToken = r.skipToken;
  }
  sink.missing.push({
    what: `${what} after page ${run.o.maxPages}`,
    reason: `the scan reads at most ${run.o.maxPages} pages per query`,
  });
}

function scopes(o: LiveScanOptions): Scope[] {
  if (o.subscriptions?.length)
    return chunks([...o.subscriptions], SUBSCRIPTIONS_PER_QUERY).map((s) => ({ subscriptions: s }));
  if (o.managementGroup) return [{ managementGroups: [o.managementGroup] }];
  return [{}];
}

/**
 * One query over a scope of several subscriptions; when Resource Graph refuses
 * the scope (403), the subscriptions are asked one at a time, so the refusing
 * ones are named (once each) and the others still read.
 */
async function queryEach(
  run: Run,
  rg: ResourceGraph,
  text: string,
  scope: Scope,
  what: string,
  sink: Sink = { add: (row) => run.builder.add(row), missing: run.missing },
): Promise<void> {
  try {
    await query(run, rg, text, scope, what, sink);
  } catch (e) {
    const subs = scope.subscriptions ?? [];
    if (statusOf(e) !== 403 || subs.length < 2) throw e;
    for (const s of subs) {
      if (run.refused.has(s.toLowerCase())) continue;
      try {
        await query(run, rg, text, { subscriptions: [s] }, `${what} of subscription ${s}`, sink);
      } catch (e2) {
        if (statusOf(e2) !== 403) throw e2;
        if (run.refused.has(s.toLowerCase())) continue; // a query beside this one named it already
        run.refused.set(s.toLowerCase(), errorReason(e2));
        sink.missing.push({ what: `subscription ${s}`, id: `/subscriptions/${s}`, reason: errorReason(e2) });
      }
    }
  }
}

async function readClusters(run: Run, rg: ResourceGraph): Promise<void> {
  const text = clustersQuery({
    resourceGroups: run.o.resourceGroups ?? [],
    clusters: run.o.clusters ?? [],
    nodeResourceGroups: run.o.nodeResourceGroups ?? [],
  });
  for (const scope of scopes(run.o)) await queryEach(run, rg, text, scope, "clusters");
}

/**
 * The VNets the pools use (by ID) and the managed VNets in node resource groups,
 * queried in their own subscriptions.
 */
function vnetFilters(run: Run): { scope: Scope; filter: VnetFilter }[] {
  const ids = run.builder.vnetIdsInUse();
  const managed = run.builder
    .clusterList()
    .filter((c) => c.nodeResourceGroup && c.pools.some((p) => !p.subnetId))
    .map((c) => ({
      subscriptionId: c.subscriptionId.toLowerCase(),
      resourceGroup: c.nodeResourceGroup!.toLowerCase(),
    }));
  const subs = [
    ...new Set([
      ...ids.flatMap((id) => parseResourceId(id)?.subscriptionId ?? []),
      ...managed.map((m) => m.subscriptionId),
    ]),
  ];
  if (subs.length === 0) return [];
  const scope = chunks(subs, SUBSCRIPTIONS_PER_QUERY).map((s) => ({ subscriptions: s }));
  const filters: VnetFilter[] = [
    ...chunks(ids, IDS_PER_QUERY).map((c) => ({ ids: c })),
    ...chunks(managed, IDS_PER_QUERY).map((c) => ({ resourceGroups: c })),
  ];
  return scope.flatMap((s) => filters.map((filter) => ({ scope: s, filter })));
}

/**
 * The VNet and subnet queries, `QUERIES_IN_FLIGHT` at once (each one a round trip
 * the scan would otherwise wait for in turn); their rows and missing parts are
 * merged in the order of the queries, so the report does not depend on which
 * answer came first.
 */
async function readVnets(run: Run, rg: ResourceGraph): Promise<void> {
  const tasks = vnetFilters(run).flatMap(({ scope, filter }, pair) => {
    const what = filter.ids
      ? `${filter.ids.length} VNet(s) the pools use`
      : `managed VNets in ${filter.resourceGroups?.length ?? 0} node resource group(s)`;
    return [
      { scope, what, text: vnetsQuery(filter), name: "VNets" },
      { scope, what, text: subnetsQuery(filter), name: "subnets" },
    ].map((t) => ({
      ...t,
      pair,
      rows: [] as unknown[],
      missing: [] as Missing[],
      failed: undefined as string | undefined,
    }));
  });
  let next = 0;
  const worker = async () => {
    for (let t = tasks[next++]; t; t = tasks[next++]) {
      const sink: Sink = { add: (row) => t.rows.push(row), missing: t.missing };
      try {
        await queryEach(run, rg, t.text, t.scope, t.name, sink);
      } catch (e) {
        t.failed = reasonWithin(e, run.settings.budget.signal);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(QUERIES_IN_FLIGHT, tasks.length) }, worker));
  const failed = new Set<number>();
  for (const t of tasks) {
    for (const row of t.rows) run.builder.add(row);
    run.missing.push(...t.missing);
    if (t.failed && !failed.has(t.pair)) {
      failed.add(t.pair);
      run.missing.push({ what: t.what, reason: t.failed });
    }
  }
  const read = run.builder.vnetMap();
  for (const id of run.builder.vnetIdsInUse())
    if (!read.has(id) && !run.refused.has(parseResourceId(id)?.subscriptionId.toLowerCase() ?? ""))
      run.missing.push({
        what: `VNet ${parseResourceId(id)?.name ?? id}`,
        id,
        reason:
          "Resource Graph returned no such VNet: it is in a subscription the credential cannot read, or it was deleted",
      });
}

function settle(o: LiveScanOptions): Run["o"] {
  const timeoutMs = o.timeoutMs ?? 300_000;
  return {
    ...o,
    endpoint: o.endpoint ?? "https://management.azure.com",
    timeoutMs,
    requestTimeoutMs: Math.min(o.requestTimeoutMs ?? 60_000, timeoutMs),
    maxRetries: o.maxRetries ?? 4,
    concurrency: o.concurrency ?? 16,
    maxBodyBytes: o.maxBodyBytes ?? 256 * 1048576,
    pageSize: o.pageSize ?? 1000,
    maxPages: o.maxPages ?? 1000,
  };
}

/** Reads the estate from Azure with the official SDK. Throws `AzureReadError` only when nothing can be read. */
export async function readAzureEstate(options: LiveScanOptions): Promise<LiveScanResult> {
  if (nodeTooOld())
    throw new AzureReadError(
      `the live Azure scan needs Node.js ${MIN_NODE_MAJOR} or later (the Azure SDK requires it), ` +
        `and this is Node.js ${process.versions.node}; run it on Node.js ${MIN_NODE_MAJOR}+, ` +
        "or scan saved az JSON with --from.",
    );
  const o = settle(options);
  const budget = budgetOf(o.timeoutMs);
  const stats = newStats();
  const settings: ClientSettings = { ...o, budget, stats };
  const run: Run = { o, settings, builder: new EstateBuilder(), missing: [], refused: new Map() };
  try {
    const rg = await resourceGraphClient(settings);
    const network = networkClients(settings);
    try {
      await readClusters(run, rg);
    } catch (e) {
      throw new AzureReadError(
        `Resource Graph did not list the clusters: ${reasonWithin(e, budget.signal)}; ` +
          "try a longer --timeout or a smaller scope.",
      );
    }
    try {
      await readVnets(run, rg);
      await readUsages(run.builder, network, {
        concurrency: o.concurrency,
        budget,
        missing: run.missing,
        maxPages: o.maxPages,
      });
    } catch (e) {
      run.missing.push({ what: "the VNets and their usage", reason: reasonWithin(e, budget.signal) });
    }
  } finally {
    budget.cancel();
  }
  run.builder.missing.push(...run.missing);
  return { ...run.builder.build(), stats };
}
