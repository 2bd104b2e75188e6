/**
 * Scorers: small named judgements over the candidates that passed the filters,
 * each 0–10 with its reasons for and against. The total is their sum; every
 * score and reason is shown, so the ranking explains itself. Facts come from
 * the knowledge base; the weights (the numbers below) are aksnet's judgement
 * and are documented in docs/recommend.md.
 */
import { DATAPLANES, MODELS, PLATFORM_LIMITS, retirement, formatCount, formatDay } from "../../kb/index.js";
import { surgeNodes } from "../capacity/index.js";
import { candidateNeeds, type Candidate, type Target } from "./candidate.js";
import { componentRetirements } from "./lock-ins.js";

export interface Score {
  readonly scorer: string;
  readonly score: number;
  readonly weight: number;
  readonly for: readonly string[];
  readonly against: readonly string[];
}

export interface Scorer {
  readonly id: string;
  /** What the scorer judges, for the docs and the table legend. */
  readonly title: string;
  /** How much the score counts in the total. */
  readonly weight: number;
  score(c: Candidate, t: Target, field: readonly Candidate[]): Omit<Score, "scorer" | "weight">;
}

const podsMustRoute = (t: Target) =>
  Boolean(
    t.requirements.podsReachableFromVnet ||
    t.requirements.podsReachableFromOnPremises ||
    t.requirements.podIpsTraceable,
  );
const date = formatDay;
const n = (x: number) => formatCount(x);

export const SCORERS: readonly Scorer[] = [
  {
    id: "guidance",
    title: "Microsoft's standing for the model",
    weight: 2,
    score(c, t) {
      const m = MODELS[c.model];
      switch (m.status.value) {
        case "recommended":
          if (c.model === "azure-cni-overlay")
            return { score: 10, for: ["Microsoft's recommended default model"], against: [] };
          return podsMustRoute(t)
            ? { score: 10, for: ["Microsoft's recommendation when pods must be directly routable"], against: [] }
            : { score: 6, for: [], against: ["Microsoft recommends Overlay unless pods must be directly routable"] };
        case "legacy":
          return { score: 4, for: [], against: ["labelled legacy by Microsoft"] };
        case "retiring": {
          const r = m.retirement.value;
          return {
            score: 0,
            for: [],
            against: [`retiring: AKS stops supporting it on ${r ? date(r) : "a announced date"}`],
          };
        }
        default:
          return {
            score: 2,
            for: ["any CNI you choose"],
            against: ["you install and support the CNI: Microsoft doesn't support CNI-related issues"],
          };
      }
    },
  },
  {
    id: "address-economy",
    weight: 1,
    title: "VNet addresses the cluster consumes",
    score(c, t, field) {
      const ips = (x: Candidate) => {
        const { needs } = candidateNeeds(x, t);
        return needs.nodeSubnet.addressesNeeded + (needs.podSubnet?.addressesNeeded ?? 0);
      };
      const mine = ips(c);
      const best = Math.min(...field.map(ips));
      // Halving the addresses is worth 2.5 points: 10 at the most economical candidate, 0 at 16 times its use.
      const score = mine === 0 ? 10 : Math.max(0, Math.round(10 - 2.5 * Math.log2(mine / best)));
      const text =
        `takes ${n(mine)} VNet addresses for ${n(t.peakNodes)} nodes and their surge at ${t.maxPods} max ` + `pods`;
      if (MODELS[c.model].podAddressing.value.kind === "pod-cidr-block")
        return { score, for: [`${text}: pods use a private pod CIDR, not VNet space`], against: [] };
      return score >= 8
        ? { score, for: [text], against: [] }
        : { score, for: [], against: [`${text}: pods take VNet space`] };
    },
  },
  {
    id: "dataplane",
    weight: 1,
    title: "the dataplane and network policy",
    score(c, t) {
      if (c.model === "byo-cni") return { score: 3, for: [], against: ["the dataplane is whatever CNI you install"] };
      const policy = t.requirements.networkPolicy;
      if (c.dataplane === "cilium") {
        return {
          score: 10,
          for: [
            "eBPF dataplane without kube-proxy; Cilium enforces network policy",
            ...(t.requirements.latencySensitive ? ["eBPF service routing replaces iptables rules"] : []),
          ],
          against: ["Linux nodes only"],
        };
      }
      const against = [DATAPLANES.azure.kubeProxy.value ? "iptables and kube-proxy for service routing" : ""].filter(
        Boolean,
      );
      if (policy === "azure") {
        const ahead = componentRetirements(c, t).filter((r) => r.id.startsWith("npm-") && r.date > t.today);
        against.push(`${ahead.map((r) => `${r.title} retires on ${date(r.date)}`).join("; ")}`);
        return { score: 2, for: [], against };
      }
      return { score: 5, for: ["the default dataplane; Windows pools possible"], against };
    },
  },
  {
    id: "future",
    weight: 1,
    title: "how far the model can change later",
    score(c, t) {
      const cilium =
        c.dataplane === "cilium" ? "Cilium from the start: no dataplane move later" : "can move to Cilium in place";
      switch (c.model) {
        case "azure-cni-overlay":
          // Pod CIDR expansion: Linux-only clusters, IPv4, one CIDR
          // (MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-overlay-pod-expand.md).
          if (t.requirements.dualStack || t.requirements.windows)
            return {
              score: 8,
              for: [cilium],
              against: [
                `the pod CIDR cannot grow later on a ${t.requirements.dualStack ? "dual-stack" : "Windows"} cluster: ` +
                  `size it for the future now`,
              ],
            };
          return { score: 10, for: [`${cilium}; the pod CIDR can grow later`], against: [] };
        case "azure-cni-node-subnet":
          return podsMustRoute(t)
            ? {
                score: 4,
                for: [cilium],
                against: ["moving to Overlay would lose the routable pod IPs this cluster needs"],
              }
            : { score: 6, for: [`can move to Overlay in place; ${cilium}`], against: [] };
        case "azure-cni-pod-subnet-dynamic":
        case "azure-cni-pod-subnet-static":
          return { score: 4, for: [cilium], against: ["can never move to Overlay"] };
        case "kubenet": {
          const r = retirement("kubenet");
          return {
            score: 1,
            for: [],
            against: [`must move to Overlay before ${r ? date(r.date) : "its retirement"} (all node pools reimaged)`],
          };
        }
        default:
          return { score: 2, for: [], against: ["no supported migration to or from it"] };
      }
    },
  },
  {
    id: "scale-headroom",
    weight: 1,
    title: "room left under the model's node and pod limits",
    score(c, t) {
      const m = MODELS[c.model];
      const slots = t.pools.reduce((a, p) => a + p.peakNodes + surgeNodes(p.peakNodes, t.maxSurge), 0);
      const nodeLimit = Math.min(m.maxNodes.value.count, PLATFORM_LIMITS.nodesPerCluster.value);
      const used = slots / nodeLimit;
      const score = used <= 0.25 ? 10 : used <= 0.5 ? 7 : used <= 0.8 ? 4 : 1;
      const text =
        `${n(slots)} nodes with surge of the ${n(nodeLimit)} ` +
        `${m.maxNodes.value.by === "route-table" ? "a kubenet route table allows" : "a cluster may have"}`;
      return score >= 7 ? { score, for: [text], against: [] } : { score, for: [], against: [text] };
    },
  },
  {
    id: "latency",
    weight: 1,
    title: "extra hops and translation on the pod path (only when latency-sensitive)",
    score(c, t) {
      if (!t.requirements.latencySensitive) return { score: 0, for: [], against: [] };
      const routing = MODELS[c.model].routing.value;
      if (routing === "route-table-nat")
        return { score: 2, for: [], against: ["pod traffic takes a route-table hop and NAT"] };
      if (routing === "overlay-snat") return { score: 8, for: ["no encapsulation between pods"], against: [] };
      if (routing === "cni-defined") return { score: 4, for: [], against: ["depends on your CNI"] };
      return { score: 9, for: ["pods have VNet addresses: no overlay, no route table"], against: [] };
    },
  },
];

/** Every scorer's score for the candidate, in scorer order. */
export function scoresOf(c: Candidate, t: Target, field: readonly Candidate[]): Score[] {
  return SCORERS.map((s) => ({ ...s.score(c, t, field), scorer: s.id, weight: s.weight }));
}
