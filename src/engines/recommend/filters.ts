/**
 * Hard filters: a candidate that cannot meet a requirement is dropped, with the
 * reason and its source. Each filter is one named function reading knowledge-base
 * facts; none holds an AKS fact of its own.
 */
import { PrefixAllocator, type Prefix } from "../../ip/index.js";
import {
  AKS_AUTOMATIC,
  API_SERVER_SUBNET,
  AGC_SUBNET,
  DATAPLANES,
  GATEWAY_POOL,
  MODELS,
  formatDay,
  NODE_AUTO_PROVISIONING,
  STATIC_BLOCK_MIN_KUBERNETES,
  isAtLeast,
  supportsDataplane,
  type Sourced,
} from "../../kb/index.js";
import { candidateNeeds, type Candidate, type Target } from "./candidate.js";
import { componentRetirements } from "./lock-ins.js";

export interface Rejection {
  readonly filter: string;
  readonly reason: string;
  readonly source: string;
}

export interface Filter {
  readonly id: string;
  reject(c: Candidate, t: Target): Omit<Rejection, "filter"> | undefined;
}

/** The URLs of a sourced value, joined. */
export function sourceOf(...values: readonly Sourced<unknown>[]): string {
  return [...new Set(values.flatMap((v) => v.source.map((s) => s.url)))].join("; ");
}

const feature = (
  id: string,
  wanted: (t: Target) => boolean | undefined,
  has: (c: Candidate) => Sourced<boolean>,
  what: string,
  dataplaneToo?: (c: Candidate) => Sourced<boolean> | undefined,
): Filter => ({
  id,
  reject(c, t) {
    if (!wanted(t)) return undefined;
    const m = has(c);
    if (!m.value) return { reason: `${MODELS[c.model].title} does not support ${what}`, source: sourceOf(m) };
    const d = dataplaneToo?.(c);
    if (d && !d.value)
      return { reason: `the ${DATAPLANES[c.dataplane].title} dataplane does not support ${what}`, source: sourceOf(d) };
    return undefined;
  },
});

/** Lays out subnets of the given lengths inside the address space, largest first; undefined when they do not fit. */
export function layoutSubnets(
  space: readonly Prefix[],
  bits: readonly number[],
  used: readonly Prefix[] = [],
): Prefix[] | undefined {
  const allocators = space.map((p) => new PrefixAllocator(p.masked(), used));
  const order = bits.map((b, i) => ({ b, i })).sort((x, y) => x.b - y.b);
  const out: Prefix[] = new Array<Prefix>(bits.length);
  for (const { b, i } of order) {
    let got: Prefix | undefined;
    for (const a of allocators) if (b >= a.parent.bits && (got = a.allocate(b))) break;
    if (!got) return undefined;
    out[i] = got;
  }
  return out;
}

/**
 * The subnets beside the nodes and pods the requirements ask for, at the size aksnet lays out by default: the API
 * server's (VNet integration, always on with AKS Automatic) and Application Gateway for Containers'.
 */
export function extraSubnets(t: Target): { bits: number; what: string; source: Sourced<number> }[] {
  const r = t.requirements;
  const out: { bits: number; what: string; source: Sourced<number> }[] = [];
  if (r.apiServerVnetIntegration || r.automatic) {
    const s = API_SERVER_SUBNET.recommendedPrefixLength;
    out.push({ bits: s.value, what: "API server subnet", source: s });
  }
  if (r.applicationGatewayForContainers) {
    const s = AGC_SUBNET.recommendedPrefixLength;
    out.push({ bits: s.value, what: "Application Gateway for Containers subnet", source: s });
  }
  return out;
}

const longDate = formatDay;

export const FILTERS: readonly Filter[] = [
  {
    id: "retired",
    reject(c, t) {
      const gone = componentRetirements(c, t).filter((r) => r.date <= t.today);
      if (gone.length === 0) return undefined;
      return {
        reason: gone.map((r) => `${r.title} retired on ${longDate(r.date)}${r.note ? ` (${r.note})` : ""}`).join("; "),
        source: [...new Set(gone.flatMap((r) => r.source.map((s) => s.url)))].join("; "),
      };
    },
  },
  {
    id: "dataplane-runs-on-model",
    reject(c) {
      if (c.model === "byo-cni")
        return c.dataplane === "azure"
          ? undefined
          : {
              reason: "with your own CNI AKS manages no dataplane (Cilium is offered as Azure CNI Powered by Cilium)",
              source: sourceOf(MODELS["byo-cni"].dataplanes),
            };
      return supportsDataplane(c.model, c.dataplane)
        ? undefined
        : {
            reason: `the ${DATAPLANES[c.dataplane].title} dataplane does not run on ${MODELS[c.model].title}`,
            source: sourceOf(DATAPLANES[c.dataplane].models),
          };
    },
  },
  feature(
    "windows",
    (t) => t.requirements.windows,
    (c) => MODELS[c.model].windows,
    "Windows node pools",
    (c) => DATAPLANES[c.dataplane].windows,
  ),
  feature(
    "virtual-nodes",
    (t) => t.requirements.virtualNodes,
    (c) => MODELS[c.model].virtualNodes,
    "virtual nodes",
  ),
  feature(
    "dual-stack",
    (t) => t.requirements.dualStack,
    (c) => MODELS[c.model].dualStack,
    "dual-stack (IPv4 and IPv6)",
  ),
  {
    id: "node-auto-provisioning",
    reject(c, t) {
      if (!t.requirements.nodeAutoProvisioning) return undefined;
      const nap = NODE_AUTO_PROVISIONING;
      if (!nap.supportedModels.value.includes(c.model))
        return {
          reason:
            `node auto-provisioning does not support ${MODELS[c.model].title} (only Azure CNI Overlay, with or ` +
            `without Cilium, and Azure CNI Node Subnet)`,
          source: sourceOf(nap.supportedModels, nap.unsupported),
        };
      if (t.requirements.windows)
        return { reason: "node auto-provisioning does not support Windows node pools", source: sourceOf(nap.windows) };
      if (t.requirements.dualStack)
        return { reason: "node auto-provisioning does not support IPv6 clusters", source: sourceOf(nap.ipv6) };
      if (t.requirements.networkPolicy === "calico")
        return {
          reason: "node auto-provisioning does not support Calico network policy",
          source: sourceOf(nap.unsupported),
        };
      return undefined;
    },
  },
  {
    id: "static-egress-gateway",
    reject(c, t) {
      if (!t.requirements.staticEgressGateway) return undefined;
      const g = GATEWAY_POOL;
      if (MODELS[c.model].podAddressing.value.kind.startsWith("pod-subnet"))
        return {
          reason: `static egress gateway pools are not supported with ${MODELS[c.model].title}`,
          source: sourceOf(g.podSubnet),
        };
      if (t.requirements.dualStack)
        return {
          reason: "static egress gateway pools are not supported on dual-stack clusters",
          source: sourceOf(g.dualStack),
        };
      return undefined;
    },
  },
  {
    id: "application-gateway",
    reject(c, t) {
      if (!t.requirements.applicationGateway) return undefined;
      const m = MODELS[c.model];
      return m.agic.value || m.applicationGatewayForContainers.value
        ? undefined
        : {
            reason:
              `${m.title} supports neither the Application Gateway Ingress Controller nor Application Gateway ` +
              `for Containers`,
            source: sourceOf(m.agic, m.applicationGatewayForContainers),
          };
    },
  },
  feature(
    "application-gateway-for-containers",
    (t) => t.requirements.applicationGatewayForContainers,
    (c) => MODELS[c.model].applicationGatewayForContainers,
    "Application Gateway for Containers",
  ),
  {
    id: "automatic",
    reject(c, t) {
      if (!t.requirements.automatic) return undefined;
      const a = AKS_AUTOMATIC;
      if (t.requirements.windows)
        return { reason: "AKS Automatic does not support Windows node pools", source: sourceOf(a.windows) };
      const overlayCilium = c.model === "azure-cni-overlay" && c.dataplane === "cilium";
      return overlayCilium
        ? undefined
        : {
            reason: "AKS Automatic always uses Azure CNI Overlay with the Cilium dataplane",
            source: sourceOf(a.network),
          };
    },
  },
  {
    id: "pods-reachable",
    reject(c, t) {
      const r = t.requirements;
      if (!r.podsReachableFromVnet && !r.podsReachableFromOnPremises) return undefined;
      const m = MODELS[c.model];
      if (m.routing.value === "cni-defined")
        return {
          reason: "whether pods are reachable by their IP depends on the CNI you install; AKS promises nothing",
          source: sourceOf(m.routing),
        };
      return m.podsRoutable.value
        ? undefined
        : {
            reason:
              `pods of ${m.title} are not reachable by their IP from the VNet or connected networks (only ` +
              `through Services or ingress)`,
            source: sourceOf(m.podsRoutable),
          };
    },
  },
  {
    id: "pod-ips-traceable",
    reject(c, t) {
      if (!t.requirements.podIpsTraceable) return undefined;
      const m = MODELS[c.model];
      if (m.routing.value === "cni-defined")
        return {
          reason: "whether pod IPs are kept end to end depends on the CNI you install; AKS promises nothing",
          source: sourceOf(m.routing),
        };
      if (m.routing.value === "direct-snat-outside-vnet")
        return {
          reason:
            `pod IPs of ${m.title} are translated to the node IP (ip-masq-agent SNAT) when traffic leaves the ` +
            `VNet, so they are not visible end to end`,
          source: sourceOf(m.routing),
        };
      return m.routing.value === "direct"
        ? undefined
        : {
            reason:
              `pod IPs of ${m.title} are translated (SNAT to the node IP) on the way out, so they are not ` +
              `visible end to end`,
            source: sourceOf(m.routing),
          };
    },
  },
  {
    id: "network-policy",
    reject(c, t) {
      const want = t.requirements.networkPolicy;
      if (want === undefined || want === "none") return undefined;
      const m = MODELS[c.model];
      if (!m.networkPolicies.value.includes(want))
        return {
          reason: `${m.title} does not support the ${want} network policy engine`,
          source: sourceOf(m.networkPolicies),
        };
      const d = DATAPLANES[c.dataplane];
      if (c.model !== "byo-cni" && !d.networkPolicies.value.includes(want))
        return {
          reason: `the ${d.title} dataplane enforces policy with ${d.networkPolicies.value.join(" or ")}, not ${want}`,
          source: sourceOf(d.networkPolicies),
        };
      return undefined;
    },
  },
  {
    id: "ebpf",
    reject(c, t) {
      if (!t.requirements.ebpf) return undefined;
      if (c.model === "byo-cni")
        return {
          reason: "eBPF with your own CNI is yours to run; AKS offers it as Azure CNI Powered by Cilium",
          source: sourceOf(DATAPLANES.cilium.kubeProxy),
        };
      return c.dataplane === "cilium"
        ? undefined
        : {
            reason: "eBPF and no kube-proxy need the Cilium dataplane",
            source: sourceOf(DATAPLANES.cilium.kubeProxy, DATAPLANES.azure.kubeProxy),
          };
    },
  },
  {
    id: "kubernetes-version",
    reject(c, t) {
      const v = t.kubernetesVersion;
      if (!v) return undefined;
      const staticMin = STATIC_BLOCK_MIN_KUBERNETES;
      const [smaj, smin] = staticMin.value.split(".").map(Number);
      if (c.model === "azure-cni-pod-subnet-static" && !isAtLeast(v, smaj ?? 1, smin ?? 0))
        return {
          reason:
            `static block allocation needs Kubernetes ${staticMin.value} or later, not ` + `${t.kubernetesVersionText}`,
          source: sourceOf(staticMin),
        };
      const min = DATAPLANES[c.dataplane].dualStackMinKubernetes;
      if (t.requirements.dualStack && min.value !== null) {
        const [maj, mnr] = min.value.split(".").map(Number);
        if (!isAtLeast(v, maj ?? 1, mnr ?? 0))
          return {
            reason:
              `dual-stack with the ${DATAPLANES[c.dataplane].title} dataplane needs Kubernetes ${min.value} or ` +
              `later, not ${t.kubernetesVersionText}`,
            source: sourceOf(min),
          };
      }
      return undefined;
    },
  },
  {
    id: "max-pods-per-node",
    reject(c, t) {
      const m = MODELS[c.model];
      if (t.maxPods > m.maxPodsPerNode.value)
        return {
          reason: `${t.maxPods} pods per node is above the ${m.maxPodsPerNode.value} ${m.title} allows`,
          source: sourceOf(m.maxPodsPerNode),
        };
      if (t.maxPods < m.minMaxPods.value)
        return {
          reason: `${t.maxPods} max pods per node is below the ${m.minMaxPods.value} ${m.title} accepts`,
          source: sourceOf(m.minMaxPods),
        };
      return undefined;
    },
  },
  {
    id: "capacity",
    reject(c, t) {
      const { problems } = candidateNeeds(c, t);
      const p = problems[0];
      return p
        ? { reason: p.message, source: sourceOf(MODELS[c.model].maxNodes, MODELS[c.model].maxPodsPerCluster) }
        : undefined;
    },
  },
  {
    id: "address-space",
    reject(c, t) {
      if (t.addressSpace.length === 0) return undefined;
      const { needs } = candidateNeeds(c, t);
      const bits = [needs.nodeSubnet.prefixLength, needs.podSubnet?.prefixLength].filter(
        (b): b is number => b !== null && b !== undefined,
      );
      const extra = extraSubnets(t);
      if (layoutSubnets(t.addressSpace, [...bits, ...extra.map((e) => e.bits)])) return undefined;
      const what = [
        `a /${bits[0]} node subnet`,
        ...(bits.length === 2 ? [`a /${bits[1]} pod subnet`] : []),
        ...extra.map((e) => `a /${e.bits} ${e.what}`),
      ];
      const list = what.length > 1 ? `${what.slice(0, -1).join(", ")} and ${what.at(-1)}` : what[0];
      return {
        reason:
          `${list} ${what.length > 1 ? "do" : "does"} not fit in ` +
          `${t.addressSpace.map((p) => p.toString()).join(", ")}`,
        source: sourceOf(MODELS[c.model].podAddressing, ...extra.map((e) => e.source)),
      };
    },
  },
];

/** The first filter that rejects the candidate, or undefined when it passes them all. */
export function rejectionOf(c: Candidate, t: Target): Rejection | undefined {
  for (const f of FILTERS) {
    const r = f.reject(c, t);
    if (r) return { filter: f.id, ...r };
  }
  return undefined;
}
