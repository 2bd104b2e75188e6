import rule from "./cluster-network-differs.js";
import { driftTester } from "../testing/drift-tester.js";

driftTester(rule, [
  { name: "the cluster matches the configuration", messages: [] },
  {
    name: "an unknown verdict is never drift",
    cluster: (c) => ({ ...c, verdict: { model: "unknown", dataplane: "unknown", policy: "unknown" } }),
    messages: [],
  },
  {
    name: "a kubenet configuration against an Overlay cluster",
    plan: (d) => {
      d.network.plugin = "kubenet";
      delete d.network.pluginMode;
    },
    messages: ["model"],
    says: /says kubenet, the cluster looks like azure-cni-overlay/,
  },
  {
    name: "the Cilium dataplane configured, the Azure one running",
    plan: (d) => {
      d.network.dataplane = "cilium";
      d.network.policy = "cilium";
    },
    messages: ["dataplane", "policy"],
    says: /configured dataplane is cilium, the cluster runs azure/,
  },
  {
    name: "a policy engine the cluster does not run",
    cluster: (c) => ({ ...c, verdict: { ...c.verdict, policy: "calico" } }),
    messages: ["policy"],
  },
  {
    name: "bring your own CNI has no dataplane to compare",
    plan: (d) => {
      d.network.plugin = "none";
      delete d.network.pluginMode;
    },
    cluster: (c) => ({ ...c, verdict: { model: "byo-cni", dataplane: "cilium", policy: "none" } }),
    messages: [],
  },
]);
