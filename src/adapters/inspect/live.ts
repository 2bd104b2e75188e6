/**
 * The live path: lists nodes, pods, DaemonSets and NodeNetworkConfigs from
 * the Kubernetes API with `@kubernetes/client-node` (loaded only here, and
 * this module only by `aksnet inspect`). Only reads, paginated with
 * `limit`/`continue`; each page's items are reduced into the snapshot as
 * their bytes arrive (`list-transport.ts` says how the client is used).
 *
 * Bounded whatever the server does: one deadline for the whole run
 * (`timeoutMs`), a size cap per answer, a cap on items and pages per list, a
 * continue token seen twice stops the list. A list that fails becomes a
 * `ReadProblem` and leaves nothing of itself in the snapshot; the others go on.
 */
import type * as K8s from "@kubernetes/client-node";
import type { ApiException } from "@kubernetes/client-node";
import {
  READ_TARGETS,
  RESOURCE_KINDS,
  type ClusterSnapshot,
  type ReadProblem,
  type ReadProblemKind,
  type ResourceKind,
} from "../../engines/inspect/index.js";
import { loadKubeConfig, redactUrl, type KubeconfigChoice } from "./kubeconfig.js";
import { AgentCache, ListAnswerError, listTransport, type ListTarget } from "./list-transport.js";
import { SnapshotBuilder } from "./snapshot-builder.js";

export { KubeconfigError, redactUrl } from "./kubeconfig.js";

export interface LiveOptions extends KubeconfigChoice {
  /** Items per page (the `limit` of each list call); 1 to 1,000,000 (default 500, as kubectl). */
  readonly pageSize?: number;
  /** Time for the whole run in milliseconds, every request included; 1 to 2,147,483,647 (default 120,000). */
  readonly timeoutMs?: number;
  /** The most bytes one answer may have (default 256 MiB). */
  readonly maxResponseBytes?: number;
  /** The most items one list may have (default 2,000,000: 5,000 nodes × 250 pods is 1,250,000). */
  readonly maxItems?: number;
}

export interface LiveResult {
  readonly snapshot: ClusterSnapshot;
  readonly context: string | undefined;
  /** The API server's URL, with any credentials in it replaced by `***`. */
  readonly server: string | undefined;
}

/** An option value `readLive` refuses; the message names the option and its range. */
export class LiveOptionsError extends Error {
  override readonly name = "LiveOptionsError";
}

/** The largest delay Node's timers take (2^31 − 1 ms, about 24.8 days); beyond it they fire at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
const DEFAULTS = { pageSize: 500, timeoutMs: 120_000, maxResponseBytes: 256 << 20, maxItems: 2_000_000 } as const;

const NNC = READ_TARGETS.nodeNetworkConfigs;
const MONITOR = READ_TARGETS.networkMonitor;

const KINDS: Record<Exclude<ResourceKind, "configmaps">, { listKind: string; itemKind: string }> = {
  nodes: { listKind: "NodeList", itemKind: "Node" },
  pods: { listKind: "PodList", itemKind: "Pod" },
  daemonsets: { listKind: "DaemonSetList", itemKind: "DaemonSet" },
  nodenetworkconfigs: { listKind: "NodeNetworkConfigList", itemKind: "NodeNetworkConfig" },
};

function checkOptions(o: LiveOptions): Required<Pick<LiveOptions, keyof typeof DEFAULTS>> {
  const range = (name: string, v: number | undefined, lo: number, hi: number, unit: string) => {
    if (v !== undefined && !(Number.isInteger(v) && v >= lo && v <= hi))
      throw new LiveOptionsError(
        `${name} must be a whole number from ${lo.toLocaleString("en-US")} to ${hi.toLocaleString("en-US")} ${unit}, ` +
          `got ${v}.`,
      );
  };
  range("timeoutMs", o.timeoutMs, 1, MAX_TIMEOUT_MS, "milliseconds");
  range("pageSize", o.pageSize, 1, 1_000_000, "items");
  range("maxResponseBytes", o.maxResponseBytes, 1024, 2 ** 30, "bytes");
  range("maxItems", o.maxItems, 1, 100_000_000, "items");
  return {
    pageSize: o.pageSize ?? DEFAULTS.pageSize,
    timeoutMs: o.timeoutMs ?? DEFAULTS.timeoutMs,
    maxResponseBytes: o.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
    maxItems: o.maxItems ?? DEFAULTS.maxItems,
  };
}

const WHAT_IT_MEANS: Record<ResourceKind, string> = {
  nodes: "there is no model verdict, no per-node use and no headroom",
  pods: "pod addresses and pods per node are unknown",
  daemonsets: "the dataplane and policy engine are judged from node labels alone",
  nodenetworkconfigs: "the Overlay / pod subnet markers on NodeNetworkConfigs and the pod subnet use are unknown",
  configmaps: "what the azure-cni-networkmonitor ConfigMap says is unknown",
};

/** A list stopped by the loop guards. */
class ListLoopError extends Error {
  override readonly name = "ListLoopError";
}

/** Turns a failed list call into a problem the report can show; `timeoutS` names the run's limit. */
export function readProblem(resource: ResourceKind, e: unknown, timedOut = false, timeoutS?: number): ReadProblem {
  const code = (e as ApiException<unknown>).code;
  const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: unknown }).code;
  let kind: ReadProblemKind = "error";
  let why = redactUrl((e as Error).message?.split("\n")[0] ?? String(e));
  if (timedOut) {
    kind = "timeout";
    why =
      `the list of ${resource} did not finish within the run's time ` +
      `limit${timeoutS === undefined ? "" : ` (--timeout ${timeoutS} s)`} (retry, or raise --timeout)`;
  } else if (e instanceof ListAnswerError || e instanceof ListLoopError) {
    kind = "refused";
    why = why.replace(/\.$/, "");
  } else if (code === 403) {
    kind = "forbidden";
    why =
      resource === "configmaps"
        ? `get configmap ${MONITOR.name} in ${MONITOR.namespace} is forbidden (403) for this user (optional: the ` +
          `Role in docs/inspect-rbac.yaml grants it)`
        : `list ${resource} is forbidden (403) for this user (grant the read-only ClusterRole in docs/inspect.md)`;
  } else if (code === 401) {
    kind = "unauthorized";
    why = "the API server rejected the credentials (401; refresh them with az aks get-credentials and retry)";
  } else if (code === 404 && resource === "nodenetworkconfigs") {
    return {
      resource,
      kind: "absent",
      detail:
        "the NodeNetworkConfig CRD (acn.azure.com) is not installed: CNS does not manage pod addresses here, as on " +
        "kubenet and older node subnet clusters",
    };
  } else if (
    typeof cause === "string" &&
    ["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ECONNRESET", "EAI_AGAIN"].includes(cause)
  ) {
    kind = "unreachable";
    why = `the API server is unreachable (${cause}: check the network path and the kubeconfig's server address)`;
  } else if (typeof code === "number") why = `the API server answered ${code} to list ${resource}`;
  return { resource, kind, detail: `${why}, so ${WHAT_IT_MEANS[resource]}.` };
}

/** Rejects when the signal aborts, whatever the promise is waiting for (an exec credential plugin included). */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(
      (v) => (signal.removeEventListener("abort", onAbort), resolve(v)),
      (e: unknown) => (signal.removeEventListener("abort", onAbort), reject(e as Error)),
    );
  });
}

interface PageMeta {
  readonly metadata?: { readonly _continue?: string; readonly continue?: string } | undefined;
}

type Clients = ReturnType<typeof apiClients>;

/** The API clients over one transport (each list call gets its own, to stream its items). */
function apiClients(k8s: typeof K8s, kc: K8s.KubeConfig, server: string | undefined, httpApi: K8s.HttpLibrary) {
  const configuration = k8s.createConfiguration({
    baseServer: new k8s.ServerConfiguration(server ?? "", {}),
    authMethods: { default: kc },
    httpApi,
  });
  return {
    core: new k8s.CoreV1Api(configuration),
    apps: new k8s.AppsV1Api(configuration),
    custom: new k8s.CustomObjectsApi(configuration),
  };
}

/** One page of each list, `limit` items at a time. */
function pageCalls(
  limit: number,
): Record<Exclude<ResourceKind, "configmaps">, (c: Clients, cont: string | undefined) => Promise<PageMeta>> {
  return {
    nodes: (c, cont) => c.core.listNode({ limit, _continue: cont }),
    // Finished pods hold no address and count against no max pods: the API server leaves them out.
    pods: (c, cont) =>
      c.core.listPodForAllNamespaces({
        limit,
        _continue: cont,
        fieldSelector: "status.phase!=Succeeded,status.phase!=Failed",
      }),
    daemonsets: (c, cont) => c.apps.listDaemonSetForAllNamespaces({ limit, _continue: cont }),
    nodenetworkconfigs: (c, cont) =>
      c.custom.listNamespacedCustomObject({ ...NNC, limit, _continue: cont }) as Promise<PageMeta>,
  };
}

/** Why a resource is not read at all: the API was unreachable or refused the credentials, or time ran out. */
function notTried(b: SnapshotBuilder, resource: ResourceKind, signal: AbortSignal, timeoutMs: number) {
  const first = b.problems()[0];
  if (first && (first.kind === "unreachable" || first.kind === "unauthorized"))
    // When the API cannot be reached or refuses the credentials, the other lists would only repeat it.
    return {
      resource,
      kind: first.kind,
      detail:
        `not tried: ` +
        `${first.kind === "unreachable" ? "the API server is unreachable" : "the credentials were rejected"}.`,
    };
  if (signal.aborted)
    return {
      resource,
      kind: "timeout" as const,
      detail:
        `not tried: the run's time limit (--timeout ${timeoutMs / 1000} s) was used up, so ` +
        `${WHAT_IT_MEANS[resource]}.`,
    };
  return undefined;
}

/** Reads the cluster the kubeconfig points at. */
export async function readLive(o: LiveOptions): Promise<LiveResult> {
  const opts = checkOptions(o);
  const k8s: typeof K8s = await import("@kubernetes/client-node");
  const kc = await loadKubeConfig(k8s, o);
  const cluster = kc.getCurrentCluster();
  const server = cluster?.server;
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new Error(`the run's time limit of ${opts.timeoutMs} ms passed`)),
    opts.timeoutMs,
  );
  const b = new SnapshotBuilder({
    source: "the API server's answer",
    fix: "check what answers at the kubeconfig's server: address",
  });
  const agents = new AgentCache();
  try {
    const api = (target: ListTarget, signal: AbortSignal = deadline.signal) =>
      apiClients(k8s, kc, server, listTransport(k8s, target, { signal, maxBytes: opts.maxResponseBytes, agents }));
    const calls = pageCalls(opts.pageSize);
    for (const resource of RESOURCE_KINDS) {
      const skip = notTried(b, resource, deadline.signal, opts.timeoutMs);
      if (skip) {
        b.problem(skip);
        continue;
      }
      if (resource === "configmaps") {
        const c = api({ objectKind: "ConfigMap" });
        await readNetworkMonitor(b, deadline.signal, opts.timeoutMs / 1000, () =>
          untilAborted(c.core.readNamespacedConfigMap(MONITOR), deadline.signal),
        );
        continue;
      }
      await listAll(b, resource, deadline.signal, opts, (page) => {
        // AbortSignal.any is Node.js 20.3+; before it a page the list no longer wants is left to finish.
        const signal =
          typeof AbortSignal.any === "function" ? AbortSignal.any([deadline.signal, page.signal]) : deadline.signal;
        const c = api({ ...KINDS[resource], onItem: page.onItem, onContinue: page.onContinue }, signal);
        return untilAborted(calls[resource](c, page.cont), signal);
      });
    }
  } finally {
    clearTimeout(timer);
    agents.destroy();
  }
  return {
    snapshot: b.build(),
    context: kc.getCurrentContext() || undefined,
    server: server === undefined ? undefined : redactUrl(server),
  };
}

/** Reads the network monitor's ConfigMap: kept when it exists, read (and absent) on 404, a problem otherwise. */
async function readNetworkMonitor(
  builder: SnapshotBuilder,
  signal: AbortSignal,
  timeoutS: number,
  get: () => Promise<unknown>,
): Promise<void> {
  try {
    builder.add(await get(), "configmaps");
    builder.markRead("configmaps");
  } catch (e) {
    if ((e as ApiException<unknown>).code === 404 && !signal.aborted) builder.markRead("configmaps");
    else builder.problem(readProblem("configmaps", e, signal.aborted, timeoutS));
  }
}

/** One page call of a list: where its items go, who hears its continue token early, what cancels it. */
interface PageCall {
  readonly cont: string | undefined;
  readonly onItem: (raw: unknown) => void;
  readonly onContinue: (token: string | undefined) => void;
  readonly signal: AbortSignal;
}

/** A page asked for; until it is the page being read, its items wait in `waiting`. */
interface OpenPage {
  readonly cont: string | undefined;
  readonly done: Promise<PageMeta>;
  readonly cancel: AbortController;
  waiting: unknown[] | undefined;
  next: OpenPage | undefined;
}

/** The page's continue token, unless it repeats one (a loop) or the list has run past any real size. */
function nextToken(
  meta: PageMeta,
  seen: ReadonlySet<string>,
  pages: number,
  maxPages: number,
  resource: ResourceKind,
): string | undefined {
  const cont = meta.metadata?._continue || meta.metadata?.continue || undefined;
  if (cont === undefined) return undefined;
  if (seen.has(cont))
    throw new ListLoopError(
      `the API server sent the same continue token twice while listing ${resource} (page ${pages}), which would ` +
        `repeat the list forever; aksnet stopped`,
    );
  if (pages >= maxPages)
    throw new ListLoopError(
      `the API server was still sending continue tokens after ${pages.toLocaleString("en-US")} pages of ` +
        `${resource}; aksnet stopped`,
    );
  return cont;
}

/** Adds each item to the builder, up to `maxItems` (more than any AKS cluster holds). */
function itemTaker(builder: SnapshotBuilder, resource: ResourceKind, maxItems: number): (raw: unknown) => void {
  let items = 0;
  return (raw) => {
    if (++items > maxItems)
      throw new ListAnswerError(
        "too-large",
        `the list of ${resource} passed ${maxItems.toLocaleString("en-US")} items, more than any AKS cluster ` +
          `holds; aksnet stops there`,
      );
    builder.add(raw, resource);
  };
}

/**
 * Lists every page of one resource into the builder; on any failure the resource's items are dropped.
 * The next page is asked for as soon as a page's continue token arrives (before its items), so the
 * API server prepares it while this side reads the current one; its items are added after the current
 * page's, in the server's order.
 */
async function listAll(
  builder: SnapshotBuilder,
  resource: ResourceKind,
  signal: AbortSignal,
  o: { pageSize: number; maxItems: number; timeoutMs: number },
  client: (page: PageCall) => Promise<PageMeta>,
): Promise<void> {
  const mark = builder.checkpoint(resource);
  const take = itemTaker(builder, resource, o.maxItems);
  // Pages beyond what the item cap allows (plus slack for empty pages) mean a server that never ends the list.
  const maxPages = Math.ceil(o.maxItems / o.pageSize) + 100;
  const seen = new Set<string>();
  let pages = 0;
  const open = (cont: string | undefined, waiting: unknown[] | undefined): OpenPage => {
    const cancel = new AbortController();
    const page: OpenPage = { cont, cancel, waiting, next: undefined, done: undefined as never };
    (page as { done: Promise<PageMeta> }).done = client({
      cont,
      signal: cancel.signal,
      onItem: (raw) => (page.waiting ? void page.waiting.push(raw) : take(raw)),
      onContinue: (token) => {
        if (token !== undefined && !seen.has(token) && token !== cont && pages + 2 < maxPages && !page.next)
          page.next = open(token, []);
      },
    });
    page.done.catch(() => undefined); // awaited when it is the page being read; dropped when cancelled
    return page;
  };
  let page = open(undefined, undefined);
  try {
    for (;;) {
      const meta = await page.done;
      pages++;
      const cont = nextToken(meta, seen, pages, maxPages, resource);
      if (cont === undefined) break;
      seen.add(cont);
      let next = page.next;
      if (next?.cont !== cont) {
        next?.cancel.abort();
        next = open(cont, undefined);
      }
      const waiting = next.waiting ?? [];
      next.waiting = undefined;
      for (const raw of waiting) take(raw);
      page = next;
    }
    builder.markRead(resource);
    const unreadable = builder.unreadable(resource);
    if (unreadable) builder.problem(unreadable);
  } catch (e) {
    page.cancel.abort();
    page.next?.cancel.abort();
    builder.rollback(resource, mark);
    builder.problem(readProblem(resource, e, signal.aborted, o.timeoutMs / 1000));
  }
}
