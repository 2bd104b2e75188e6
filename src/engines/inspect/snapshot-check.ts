/**
 * The inspect engine checks the snapshot it is given (a library caller may
 * build one by hand): lists that are not lists become empty, objects of the
 * wrong shape are dropped, and each drop is a `ReadProblem` of kind `error`
 * in the report. The report is then built from what holds; nothing throws.
 */
import {
  RESOURCE_KINDS,
  type ClusterSnapshot,
  type ReadProblem,
  type ResourceKind,
  type SnapshotConfigMap,
  type SnapshotDaemonSet,
  type SnapshotNode,
  type SnapshotNodeNetworkConfig,
  type SnapshotPod,
} from "./snapshot.js";

const isStr = (x: unknown): x is string => typeof x === "string";
const isOptStr = (x: unknown) => x === undefined || typeof x === "string";
const isOptNum = (x: unknown) => x === undefined || (typeof x === "number" && Number.isFinite(x));
const isStrList = (x: unknown) => Array.isArray(x) && x.every(isStr);
const isStrMap = (x: unknown) =>
  typeof x === "object" && x !== null && !Array.isArray(x) && Object.values(x).every(isStr);
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;

function node(x: unknown): x is SnapshotNode {
  return (
    isObj(x) &&
    isStr(x["name"]) &&
    isOptStr(x["pool"]) &&
    isOptStr(x["os"]) &&
    isStrMap(x["labels"]) &&
    isStrMap(x["annotations"]) &&
    isStrList(x["internalIps"]) &&
    isStrList(x["podCidrs"]) &&
    isOptNum(x["maxPods"]) &&
    typeof x["ready"] === "boolean" &&
    isOptStr(x["networkUnavailableReason"]) &&
    isOptStr(x["kubeletVersion"]) &&
    typeof x["virtual"] === "boolean"
  );
}

function pod(x: unknown): x is SnapshotPod {
  return (
    isObj(x) &&
    isStr(x["namespace"]) &&
    isStr(x["name"]) &&
    isOptStr(x["k8sApp"]) &&
    isOptStr(x["component"]) &&
    isOptStr(x["node"]) &&
    isStrList(x["ips"]) &&
    typeof x["hostNetwork"] === "boolean" &&
    isStr(x["phase"])
  );
}

function daemonSet(x: unknown): x is SnapshotDaemonSet {
  return isObj(x) && isStr(x["namespace"]) && isStr(x["name"]) && isOptNum(x["desired"]) && x["desired"] !== undefined;
}

function nnc(x: unknown): x is SnapshotNodeNetworkConfig {
  return (
    isObj(x) &&
    isStr(x["name"]) &&
    isStrMap(x["labels"]) &&
    isOptNum(x["requestedIpCount"]) &&
    isOptNum(x["assignedIpCount"]) &&
    Array.isArray(x["containers"]) &&
    x["containers"].every(
      (c: unknown) =>
        isObj(c) &&
        isOptStr(c["type"]) &&
        isOptStr(c["subnetName"]) &&
        isOptStr(c["subnetAddressSpace"]) &&
        isOptStr(c["primaryIp"]) &&
        typeof c["assignedIps"] === "number",
    )
  );
}

function configMap(x: unknown): x is SnapshotConfigMap {
  return isObj(x) && isStr(x["namespace"]) && isStr(x["name"]) && isStrMap(x["data"]);
}

/** The snapshot with every malformed part dropped, and a problem for each kind of drop. */
export function checkSnapshot(input: unknown): ClusterSnapshot {
  const s = isObj(input) ? input : {};
  const problems: ReadProblem[] = [];
  const keep = <T>(key: string, resource: ResourceKind, ok: (x: unknown) => x is T): T[] => {
    const list = s[key];
    if (!Array.isArray(list)) {
      if (list !== undefined || s["read"] !== undefined)
        problems.push({ resource, kind: "error", detail: `the snapshot's ${key} is not a list, so none were used` });
      return [];
    }
    const good = list.filter(ok);
    if (good.length < list.length)
      problems.push({
        resource,
        kind: "error",
        detail:
          `${list.length - good.length} of the snapshot's ${key} do not have the shape inspect reads, so they ` +
          `were left out`,
      });
    return good;
  };
  const nodes = keep("nodes", "nodes", node);
  const pods = keep("pods", "pods", pod);
  const daemonSets = keep("daemonSets", "daemonsets", daemonSet);
  const nodeNetworkConfigs = keep("nodeNetworkConfigs", "nodenetworkconfigs", nnc);
  const configMaps = keep("configMaps", "configmaps", configMap);
  const read = Array.isArray(s["read"]) ? RESOURCE_KINDS.filter((r) => (s["read"] as unknown[]).includes(r)) : [];
  const given = Array.isArray(s["problems"])
    ? (s["problems"] as unknown[]).filter(
        (p): p is ReadProblem =>
          isObj(p) && RESOURCE_KINDS.includes(p["resource"] as ResourceKind) && isStr(p["kind"]) && isStr(p["detail"]),
      )
    : [];
  return { nodes, pods, daemonSets, nodeNetworkConfigs, configMaps, read, problems: [...given, ...problems] };
}
