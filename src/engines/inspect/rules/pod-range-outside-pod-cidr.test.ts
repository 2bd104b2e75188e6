import rule from "./pod-range-outside-pod-cidr.js";
import { driftTester } from "../testing/drift-tester.js";

driftTester(rule, [
  { name: "every node range is in the pod CIDR", messages: [] },
  {
    name: "the configuration names another pod CIDR",
    plan: (d) => {
      d.network.podCidrs = ["10.100.0.0/16"];
    },
    messages: ["outside"],
    says: /outside the configured pod CIDR 10\.100\.0\.0\/16: 6, e\.g\. aks-system-vmss000000 10\.244\.0\.0\/24/,
  },
  {
    name: "nodes without a pod range (pod subnet models) are not judged",
    plan: (d) => {
      d.network.podCidrs = ["10.100.0.0/16"];
    },
    cluster: (c) => ({ ...c, nodes: c.nodes.map((n) => ({ ...n, podCidrs: [], podCidrsFrom: null })) }),
    messages: [],
  },
  {
    name: "an IPv6 node range against an IPv4-only pod CIDR is not judged",
    cluster: (c) => ({ ...c, nodes: c.nodes.map((n) => ({ ...n, podCidrs: [...n.podCidrs, "fd00:1::/64"] })) }),
    messages: [],
  },
]);
