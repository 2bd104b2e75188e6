import rule from "./node-outside-pool-subnet.js";
import { driftTester } from "../testing/drift-tester.js";

driftTester(rule, [
  { name: "every node is in its pool's subnet", messages: [] },
  {
    name: "nodes of a pool in another subnet",
    cluster: (c) => ({
      ...c,
      nodes: c.nodes.map((n) => (n.pool === "user" ? { ...n, internalIps: ["10.230.0.4"] } : n)),
    }),
    messages: ["outside"],
    says: new RegExp(
      String.raw`Nodes of pool user with no address in its subnet aks-nodes \(10\.224\.0\.0\/22\): 3, ` +
        String.raw`e\.g\. aks-user-vmss000003 at 10\.230\.0\.4`,
    ),
  },
  {
    name: "a node without any address",
    cluster: (c) => ({ ...c, nodes: c.nodes.map((n, i) => (i === 0 ? { ...n, internalIps: [] } : n)) }),
    messages: ["outside"],
    says: /at no address/,
  },
  {
    name: "a pool without a subnet in the configuration is not judged",
    plan: (d) => {
      for (const p of d.nodePools) delete p.subnet;
      d.vnet.subnets = [];
    },
    cluster: (c) => ({ ...c, nodes: c.nodes.map((n) => ({ ...n, internalIps: ["172.16.0.4"] })) }),
    messages: [],
  },
]);
