/**
 * The live path: reads nodes, pods, DaemonSets and NodeNetworkConfigs from
 * the Kubernetes API with `@kubernetes/client-node` (loaded only here, and
 * this module only by `aksnet inspect`). Only `list` calls, paginated with
 * `limit`/`continue`, each page reduced into the snapshot before the next is
 * asked for. A list that fails becomes a `ReadProblem`; the others go on.
 *
 * Kubeconfig is loaded as kubectl does: `--kubeconfig`, else every file of
 * KUBECONFIG merged (first wins), else ~/.kube/config, else in-cluster;
 * exec, token and client-certificate auth and CA data are the client's own.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type * as K8s from "@kubernetes/client-node";
import type { ApiException, KubeConfig } from "@kubernetes/client-node";
import type { ClusterSnapshot, ReadProblem, ReadProblemKind, ResourceKind } from "../../engines/inspect/index.js";
import { SnapshotBuilder } from "./snapshot-builder.js";

export interface LiveOptions {
  readonly kubeconfig?: string | undefined;
  readonly context?: string | undefined;
  /** Environment (KUBECONFIG, HOME) used to find the kubeconfig. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Items per page (the `limit` of each list call). */
  readonly pageSize?: number;
  /** Per-request timeout in milliseconds. */
  readonly timeoutMs?: number;
}

export interface LiveResult {
  readonly snapshot: ClusterSnapshot;
  readonly context: string | undefined;
  readonly server: string | undefined;
}

/** The kubeconfig cannot be used; the message says which and what to do. */
export class KubeconfigError extends Error {
  override readonly name = "KubeconfigError";
}

/** The group, version and plural of NodeNetworkConfig (Azure/azure-container-networking:crd/nodenetworkconfig, checked 2026-11-22). */
export const NNC = {
  group: "acn.azure.com",
  version: "v1alpha",
  plural: "nodenetworkconfigs",
  namespace: "kube-system",
} as const;

async function loadKubeConfig(k8s: typeof K8s, o: LiveOptions): Promise<KubeConfig> {
  const kc = new k8s.KubeConfig();
  const files = o.kubeconfig
    ? [o.kubeconfig]
    : (o.env["KUBECONFIG"] ?? "").split(process.platform === "win32" ? ";" : ":").filter(Boolean);
  try {
    if (files.length > 0) {
      kc.loadFromFile(files[0] as string);
      for (const f of files.slice(1)) {
        const more = new k8s.KubeConfig();
        more.loadFromFile(f);
        kc.mergeConfig(more, true);
      }
    } else {
      const home = o.env["HOME"] ?? o.env["USERPROFILE"] ?? homedir();
      if (!existsSync(join(home, ".kube", "config")) && !o.env["KUBERNETES_SERVICE_HOST"])
        throw new KubeconfigError(
          `no kubeconfig found (KUBECONFIG is unset and ${join(home, ".kube", "config")} does not exist); run az aks get-credentials, pass --kubeconfig PATH, or read a dump with --from-dump FILE.`,
        );
      kc.loadFromDefault();
    }
  } catch (e) {
    if (e instanceof KubeconfigError) throw e;
    throw new KubeconfigError(
      `cannot load the kubeconfig ${files.join(", ") || "~/.kube/config"}: ${(e as Error).message.split("\n")[0]}; pass --kubeconfig PATH or --from-dump FILE.`,
    );
  }
  if (o.context) {
    if (!kc.getContexts().some((c) => c.name === o.context))
      throw new KubeconfigError(
        `the kubeconfig has no context "${o.context}"; choose one of: ${
          kc
            .getContexts()
            .map((c) => c.name)
            .join(", ") || "(none)"
        }.`,
      );
    kc.setCurrentContext(o.context);
  }
  if (!kc.getCurrentCluster())
    throw new KubeconfigError("the kubeconfig names no current cluster; pass --context NAME or --kubeconfig PATH.");
  return kc;
}

const WHAT_IT_MEANS: Record<ResourceKind, string> = {
  nodes: "there is no model verdict, no per-node use and no headroom",
  pods: "pod addresses and pods per node are unknown",
  daemonsets: "the dataplane and policy engine are judged from node labels alone",
  nodenetworkconfigs: "the Overlay / pod subnet markers on NodeNetworkConfigs and the pod subnet use are unknown",
};

/** Turns a failed list call into a problem the report can show. */
export function readProblem(resource: ResourceKind, e: unknown): ReadProblem {
  const code = (e as ApiException<unknown>).code;
  const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: unknown }).code;
  const name = (e as Error).name;
  let kind: ReadProblemKind = "error";
  let why = (e as Error).message?.split("\n")[0] ?? String(e);
  if (code === 403) {
    kind = "forbidden";
    why = `list ${resource} is forbidden (403) for this user (grant the read-only ClusterRole in docs/inspect.md)`;
  } else if (code === 401) {
    kind = "unauthorized";
    why = "the API server rejected the credentials (401; refresh them with az aks get-credentials and retry)";
  } else if (code === 404 && resource === "nodenetworkconfigs") {
    kind = "absent";
    why =
      "the NodeNetworkConfig CRD (acn.azure.com) is not installed: CNS does not manage pod addresses here, as on kubenet and older node subnet clusters";
    return { resource, kind, detail: why };
  } else if (name === "AbortError" || cause === "ETIMEDOUT" || name === "TimeoutError") {
    kind = "timeout";
    why = `the list of ${resource} timed out (retry, or raise --timeout)`;
  } else if (
    typeof cause === "string" &&
    ["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ECONNRESET", "EAI_AGAIN"].includes(cause)
  ) {
    kind = "unreachable";
    why = `the API server is unreachable (${cause}: check the network path and the kubeconfig's server address)`;
  } else if (typeof code === "number") why = `the API server answered ${code} to list ${resource}`;
  return { resource, kind, detail: `${why}, so ${WHAT_IT_MEANS[resource]}.` };
}

interface Page {
  readonly items: readonly unknown[];
  readonly metadata?: { readonly _continue?: string; readonly continue?: string } | undefined;
}

/** Lists every page of one resource into the builder. */
async function listAll(
  builder: SnapshotBuilder,
  resource: ResourceKind,
  list: (cont: string | undefined) => Promise<Page>,
): Promise<void> {
  let cont: string | undefined;
  try {
    do {
      const page = await list(cont);
      for (const item of page.items) builder.add(item, resource);
      cont = page.metadata?._continue ?? page.metadata?.continue ?? undefined;
    } while (cont);
    builder.markRead(resource);
  } catch (e) {
    builder.problem(readProblem(resource, e));
  }
}

/** Reads the cluster the kubeconfig points at. */
export async function readLive(o: LiveOptions): Promise<LiveResult> {
  const k8s = await import("@kubernetes/client-node");
  const kc = await loadKubeConfig(k8s, o);
  const limit = o.pageSize ?? 500;
  const timeoutMs = o.timeoutMs ?? 30_000;
  // A per-request timeout: the client's middleware contract wants an object with toPromise().
  const middleware = {
    pre: (ctx: { setSignal(s: AbortSignal): void }) => {
      ctx.setSignal(AbortSignal.timeout(timeoutMs));
      return { toPromise: () => Promise.resolve(ctx) };
    },
    post: (rsp: unknown) => ({ toPromise: () => Promise.resolve(rsp) }),
  };
  const options = { middleware: [middleware], middlewareMergeStrategy: "append" } as unknown as Parameters<
    InstanceType<typeof k8s.CoreV1Api>["listNode"]
  >[1];
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const apps = kc.makeApiClient(k8s.AppsV1Api);
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const b = new SnapshotBuilder();
  await listAll(b, "nodes", (c) => core.listNode({ limit, _continue: c }, options));
  // When the API cannot be reached or refuses the credentials, the other lists would only repeat it.
  const first = b.build().problems[0];
  if (first && (first.kind === "unreachable" || first.kind === "unauthorized")) {
    for (const r of ["pods", "daemonsets", "nodenetworkconfigs"] as const)
      b.problem({
        resource: r,
        kind: first.kind,
        detail: `not tried: ${first.kind === "unreachable" ? "the API server is unreachable" : "the credentials were rejected"}.`,
      });
  } else {
    // Finished pods hold no address and count against no max pods: the API server leaves them out.
    const fieldSelector = "status.phase!=Succeeded,status.phase!=Failed";
    await listAll(b, "pods", (c) => core.listPodForAllNamespaces({ limit, _continue: c, fieldSelector }, options));
    await listAll(b, "daemonsets", (c) => apps.listDaemonSetForAllNamespaces({ limit, _continue: c }, options));
    await listAll(
      b,
      "nodenetworkconfigs",
      (c) => custom.listNamespacedCustomObject({ ...NNC, limit, _continue: c }, options) as Promise<Page>,
    );
  }
  return { snapshot: b.build(), context: kc.getCurrentContext() || undefined, server: kc.getCurrentCluster()?.server };
}
