/**
 * What inspect reads beyond the built-in lists, from the knowledge base: the
 * NodeNetworkConfig resource and the network monitor's ConfigMap. The readers
 * in `adapters/inspect` take the names from here.
 */
import { CLUSTER_SIGNALS } from "../../kb/index.js";

export const READ_TARGETS = {
  /** `kubectl get nnc -n kube-system`: group, version, plural, namespace. */
  nodeNetworkConfigs: CLUSTER_SIGNALS.nodeNetworkConfig.value,
  /** `kubectl get configmap -n kube-system azure-cni-networkmonitor`. */
  networkMonitor: CLUSTER_SIGNALS.networkMonitor.value,
} as const;
