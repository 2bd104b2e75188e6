/**
 * The shapes the inspect engine's functions need from JavaScript callers (issue #12, `guardArgs` in the IP core):
 * checked only after a function throws, so a value that works is never refused.
 */
import { guardArgs, type Param } from "../../ip/index.js";

export { guardArgs };

export const SNAPSHOT: Param = {
  name: "snapshot",
  want: { nodes: "list", pods: "list", daemonSets: "list", nodeNetworkConfigs: "list", read: "list" },
  words: "a cluster snapshot (readDumps, readLive or SnapshotBuilder)",
};
export const SIGNAL: Param = {
  name: "signal",
  want: { podLabel: "list", namespaces: "list" },
  words: "a component signal from the knowledge base",
};
export const VERDICT: Param = { name: "verdict", want: { value: "text", proof: "list" }, words: "a verdict" };
export const VERDICTS: Param = { name: "verdicts", want: { kubeProxyRuns: VERDICT.want }, words: "the verdicts" };
export const MODEL: Param = { name: "model", want: "text", words: 'a model id or "unknown"' };
export const CLASSIFICATION: Param = {
  name: "classification",
  want: { evidence: "list", caveats: "list", placement: "object" },
  words: "a classification (classify)",
};
export const POD: Param = { name: "pod", want: { ips: "list" }, words: "a snapshot pod" };
export const TEXTS: Param = { name: "list", want: ["text"], words: "a list of text" };

/** A list parameter. */
export const listParam = (name: string, words: string): Param => ({ name, want: "list", words });
