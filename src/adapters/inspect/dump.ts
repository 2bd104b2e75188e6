/**
 * The offline path: `kubectl get nodes,pods,daemonsets -A -o json` output
 * (and optionally `kubectl get nnc -n kube-system -o json` and the network
 * monitor's ConfigMap as a List) read from files,
 * streamed item by item into a snapshot.
 */
import { createReadStream } from "node:fs";
import { DumpSyntaxError, listItems } from "./json-items.js";
import { RESOURCE_KINDS, type ClusterSnapshot, type ResourceKind } from "../../engines/inspect/index.js";
import { SnapshotBuilder, resourceOf } from "./snapshot-builder.js";

/** A dump file that cannot be used; the message names the file and what to do. */
export class DumpError extends Error {
  override readonly name = "DumpError";
}

const HINTS: Record<ResourceKind, string> = {
  nodes: "the dump holds no Node objects; include nodes (kubectl get nodes,pods,daemonsets -A -o json)",
  pods: "the dump holds no Pod objects; include pods (kubectl get nodes,pods,daemonsets -A -o json)",
  daemonsets:
    "the dump holds no DaemonSet objects, so the dataplane and policy engine are judged from node labels (and the " +
    "model) only; " +
    "include daemonsets (kubectl get nodes,pods,daemonsets -A -o json)",
  nodenetworkconfigs:
    "the dump holds no NodeNetworkConfig objects (add the output of kubectl get nnc -n kube-system -o json as " +
    "another file when the cluster has them: Overlay and pod subnet clusters do)",
  configmaps:
    "the dump holds no ConfigMap of kube-system, so what the azure-cni-networkmonitor ConfigMap says is unknown (add " +
    "the output of kubectl get configmap -n kube-system --field-selector metadata.name=azure-cni-networkmonitor " +
    "-o json as another file)",
};

/**
 * Reads the dump files in order (`-` is standard input, from `options.stdin`) and returns one snapshot of everything in
 * them.
 */
export async function readDumps(
  paths: readonly string[],
  options: { chunkSize?: number; stdin?: () => AsyncIterable<Uint8Array | string> & { destroy?(): void } } = {},
): Promise<ClusterSnapshot> {
  const builder = new SnapshotBuilder();
  const seen = new Set<ResourceKind>();
  for (const path of paths) {
    const stream =
      path === "-" && options.stdin
        ? options.stdin()
        : createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 20 });
    try {
      for await (const item of listItems(stream)) {
        const r = resourceOf(item);
        if (r && builder.add(item, r)) seen.add(r);
      }
    } catch (e) {
      stream.destroy?.();
      if (e instanceof DumpSyntaxError)
        throw new DumpError(
          `${path === "-" ? "standard input" : path}: ${e.message}. Give the output of "kubectl get ` +
            `nodes,pods,daemonsets -A -o json".`,
        );
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new DumpError(`${path}: no such file; check the path given to --from-dump.`);
      if (code === "EISDIR")
        throw new DumpError(`${path}: is a directory; give the JSON file written by kubectl get … -o json.`);
      if (code === "EACCES") throw new DumpError(`${path}: permission denied; make the file readable.`);
      throw e;
    }
  }
  for (const r of RESOURCE_KINDS) {
    // Items of a kind that could not be read are named, not taken for a dump without that kind.
    const unreadable = builder.unreadable(r);
    if (seen.has(r)) builder.markRead(r);
    if (unreadable) builder.problem(unreadable);
    else if (!seen.has(r)) builder.problem({ resource: r, kind: "not-in-dump", detail: HINTS[r] });
  }
  return builder.build();
}
