/** The two dataplanes: Azure (iptables, kube-proxy) and Cilium (Azure CNI Powered by Cilium, eBPF). */
import { formatCount } from "./count-text.js";
import type { DataplaneId, ModelId } from "./ids.js";
import type { NetworkPolicyId } from "./model.js";
import { POLICY_ENGINE_LIMITS } from "./network-policy.js";
import { aksDoc, page, repoFile, sourced, type Sourced } from "./source.js";

export interface DataplaneFacts {
  readonly id: DataplaneId;
  readonly title: string;
  /** IPAM models the dataplane runs on. */
  readonly models: Sourced<readonly ModelId[]>;
  readonly kubeProxy: Sourced<boolean>;
  readonly windows: Sourced<boolean>;
  /** Policy engines available with this dataplane. */
  readonly networkPolicies: Sourced<readonly NetworkPolicyId[]>;
  /** Minimum Kubernetes minor for dual-stack with this dataplane (null: no extra requirement). */
  readonly dualStackMinKubernetes: Sourced<string | null>;
  /** Minimum az CLI version per model, where one is documented. */
  readonly minCliVersion: Sourced<Readonly<Partial<Record<ModelId, string>>>>;
  /** Cilium endpoints with distinct identities the policy engine can tell apart. */
  readonly identityLimit: Sourced<number | null>;
  /** A scale limit of the policy engine, where one is documented. */
  readonly policyScaleNote: Sourced<string | null>;
  /** The minimum Cilium version AKS runs per Kubernetes minor (null for the Azure dataplane). */
  readonly minCiliumVersion: Sourced<Readonly<Record<string, string>> | null>;
}

const CILIUM = aksDoc("azure-cni-powered-by-cilium");
const NPM = POLICY_ENGINE_LIMITS.azureNpm;

export const DATAPLANES: Readonly<Record<DataplaneId, DataplaneFacts>> = {
  azure: {
    id: "azure",
    title: "Azure (iptables)",
    models: sourced(
      [
        "kubenet",
        "azure-cni-node-subnet",
        "azure-cni-pod-subnet-dynamic",
        "azure-cni-pod-subnet-static",
        "azure-cni-overlay",
      ],
      aksDoc("concepts-network-cni-overview"),
      { checked: "2026-11-22" },
    ),
    kubeProxy: sourced(true, aksDoc("configure-kube-proxy"), { checked: "2026-11-22" }),
    windows: sourced(true, aksDoc("concepts-network-cni-overview"), { checked: "2026-11-22" }),
    networkPolicies: sourced(["azure", "calico"], aksDoc("use-network-policies"), { checked: "2026-11-22" }),
    dualStackMinKubernetes: sourced(null, aksDoc("configure-dual-stack"), { checked: "2026-11-22" }),
    minCliVersion: sourced({}, aksDoc("concepts-network-cni-overview"), { checked: "2026-11-22" }),
    identityLimit: sourced(null, aksDoc("use-network-policies"), { checked: "2026-11-22" }),
    policyScaleNote: sourced(
      `Azure NPM isn't supported beyond ${NPM.value.nodes} nodes and ${formatCount(NPM.value.pods)} pods on Linux`,
      NPM.source,
      { checked: NPM.checked },
    ),
    minCiliumVersion: sourced(null, aksDoc("azure-cni-powered-by-cilium"), { checked: "2026-11-22" }),
  },
  cilium: {
    id: "cilium",
    title: "Cilium (eBPF)",
    models: sourced(
      ["azure-cni-node-subnet", "azure-cni-pod-subnet-dynamic", "azure-cni-pod-subnet-static", "azure-cni-overlay"],
      [CILIUM, aksDoc("update-azure-cni", "not from kubenet: move to Overlay first")],
      { checked: "2026-11-22" },
    ),
    kubeProxy: sourced(false, aksDoc("azure-cni-powered-by-cilium", "no kube-proxy on Cilium clusters"), {
      checked: "2026-11-22",
    }),
    windows: sourced(false, aksDoc("azure-cni-powered-by-cilium", "Linux only"), { checked: "2026-11-22" }),
    networkPolicies: sourced(
      ["cilium"],
      [
        CILIUM,
        repoFile(
          "hashicorp/terraform-provider-azurerm:website/docs/r/kubernetes_cluster.html.markdown",
          "network_policy cilium requires network_data_plane cilium",
        ),
      ],
      { checked: "2026-11-22" },
    ),
    dualStackMinKubernetes: sourced("1.29", CILIUM, { checked: "2026-12-07" }),
    minCliVersion: sourced(
      {
        "azure-cni-overlay": "2.48.1",
        "azure-cni-pod-subnet-dynamic": "2.48.1",
        "azure-cni-pod-subnet-static": "2.75.0",
        "azure-cni-node-subnet": "2.69.0",
      },
      [CILIUM, aksDoc("configure-azure-cni-static-block-allocation", "static block needs CLI 2.75.0")],
      { checked: "2026-12-07" },
    ),
    identityLimit: sourced(65535, CILIUM, { checked: "2026-12-07" }),
    policyScaleNote: sourced(null, page("https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium"), {
      checked: "2026-11-22",
    }),
    minCiliumVersion: sourced(
      { "1.31": "1.16.16", "1.32": "1.17.9", "1.33": "1.17.9", "1.34": "1.18.6", "1.35": "1.18.6", "1.36": "1.18.9" },
      aksDoc("azure-cni-powered-by-cilium", "minimum Cilium version per Kubernetes version"),
      { checked: "2026-12-07" },
    ),
  },
};

/** Reports whether AKS runs the dataplane on the model. */
export function supportsDataplane(model: ModelId, dataplane: DataplaneId): boolean {
  return typeof dataplane === "string" && Object.hasOwn(DATAPLANES, dataplane)
    ? DATAPLANES[dataplane].models.value.includes(model)
    : false;
}
