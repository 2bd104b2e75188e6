import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inspectReport, type ClusterSnapshot } from "./index.js";

const SOURCE = { kind: "dump", files: [] } as const;
const node = {
  name: "n1",
  pool: "system",
  os: "linux",
  labels: { "kubernetes.azure.com/azure-cni-overlay": "true" },
  annotations: {},
  internalIps: ["10.224.0.4"],
  podCidrs: [],
  maxPods: 250,
  ready: true,
  networkUnavailableReason: undefined,
  kubeletVersion: "v1.33.3",
  virtual: false,
};

describe("inspectReport checks the snapshot it is given (library callers)", () => {
  it.each([
    {
      name: "pods that is not a list",
      snapshot: {
        nodes: [node],
        pods: "x",
        daemonSets: [],
        nodeNetworkConfigs: [],
        configMaps: [],
        read: ["nodes"],
        problems: [],
      },
      problem: { resource: "pods", kind: "error", detail: "the snapshot's pods is not a list, so none were used" },
    },
    {
      name: "a node without a name",
      snapshot: {
        nodes: [node, { ...node, name: 7 }],
        pods: [],
        daemonSets: [],
        nodeNetworkConfigs: [],
        configMaps: [],
        read: ["nodes", "pods"],
        problems: [],
      },
      problem: {
        resource: "nodes",
        kind: "error",
        detail: "1 of the snapshot's nodes do not have the shape inspect reads, so they were left out",
      },
    },
  ])("drops $name and says so", ({ snapshot, problem }) => {
    const r = inspectReport(snapshot as unknown as ClusterSnapshot, SOURCE);
    expect(r.problems).toContainEqual(problem);
    expect(r.verdict.model).toBe("azure-cni-overlay");
  });

  it("never throws, whatever it is given", () => {
    const part = fc.oneof(fc.jsonValue(), fc.array(fc.record({ name: fc.string(), ips: fc.jsonValue() })));
    fc.assert(
      fc.property(
        fc.record({
          nodes: fc.oneof(part, fc.constant([node])),
          pods: part,
          daemonSets: part,
          nodeNetworkConfigs: part,
          configMaps: part,
          read: fc.oneof(fc.jsonValue(), fc.constant(["nodes", "pods"])),
          problems: fc.jsonValue(),
        }),
        (s) => {
          inspectReport(s as unknown as ClusterSnapshot, SOURCE);
        },
      ),
      { numRuns: 300 },
    );
    for (const x of [null, 1, "s", [], {}]) inspectReport(x as unknown as ClusterSnapshot, SOURCE);
  });
});
