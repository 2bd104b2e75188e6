import rule from "./pool-differs-from-cluster.js";
import { driftTester, node } from "../testing/drift-tester.js";

driftTester(rule, [
  { name: "every pool runs as configured", messages: [] },
  {
    name: "a configured pool without nodes",
    cluster: (c) => ({ ...c, nodes: c.nodes.filter((n) => n.pool !== "user") }),
    messages: ["notRunning"],
    says: /Pool user is configured but no node of it runs/,
  },
  {
    name: "a running pool the configuration does not name",
    cluster: (c) => ({ ...c, nodes: [...c.nodes, node("gpu", 9)] }),
    messages: ["notConfigured"],
    says: /Pool gpu is not in the configuration; nodes running in it: 1/,
  },
  {
    name: "nodes without a pool label are not a pool",
    cluster: (c) => ({ ...c, nodes: [...c.nodes, node(undefined, 9)] }),
    messages: [],
  },
  {
    name: "a fixed pool with another node count",
    cluster: (c) => ({ ...c, nodes: c.nodes.filter((n) => n.name !== "aks-system-vmss000002") }),
    messages: ["count"],
    says: /count 3; nodes running in it: 2/,
  },
  {
    name: "an autoscaled pool inside its range",
    cluster: (c) => ({ ...c, nodes: [...c.nodes, node("user", 7), node("user", 8)] }),
    messages: [],
  },
  {
    name: "an autoscaled pool below its minimum",
    cluster: (c) => ({ ...c, nodes: c.nodes.filter((n) => n.name !== "aks-user-vmss000005") }),
    messages: ["outsideAutoscaler"],
    says: /range 3–10: nodes running in it: 2/,
  },
  {
    name: "nodes allowing other max pods",
    cluster: (c) => ({ ...c, nodes: c.nodes.map((n) => (n.pool === "system" ? { ...n, maxPods: 250 } : n)) }),
    messages: ["maxPods"],
    says: /max pods 110; its nodes allow 250/,
  },
]);
