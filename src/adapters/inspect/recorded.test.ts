import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classify, inspectReport } from "../../engines/inspect/index.js";
import { readDumps } from "./dump.js";

const FIXTURES = join(import.meta.dirname, "fixtures");
const f = (name: string) => join(FIXTURES, name);
const SOURCE = { kind: "dump", files: [] } as const;

describe("recorded NodeNetworkConfigs and node labels (see fixtures/SOURCES.md)", () => {
  it("reduces a recorded pod subnet NodeNetworkConfig", async () => {
    const s = await readDumps([f("nnc-recorded-pod-subnet.json")]);
    expect(s.nodeNetworkConfigs).toEqual([
      {
        name: "aks-azurecilium-38229929-vmss000000",
        labels: {
          "kubernetes.azure.com/podnetwork-delegationguid": "b2ed5d28-deb3-4e07-8d7c-3b93a870e51f",
          "kubernetes.azure.com/podnetwork-subnet": "azurecilium-subnet-pods",
          "kubernetes.azure.com/podnetwork-type": "vnet",
          managed: "true",
          owner: "aks-azurecilium-38229929-vmss000000",
        },
        requestedIpCount: 16,
        assignedIpCount: 16,
        containers: [
          {
            type: "vnet",
            subnetName: "azurecilium-subnet-pods",
            subnetAddressSpace: "10.241.0.0/16",
            primaryIp: "10.241.0.21",
            assignedIps: 16,
          },
        ],
      },
    ]);
    expect(classify(s)).toMatchObject({ model: "azure-cni-pod-subnet-dynamic", confidence: "high" });
  });

  it("reads the pod subnet's use from the recorded NodeNetworkConfig: 16 of 65,531", async () => {
    const r = inspectReport(await readDumps([f("nnc-recorded-pod-subnet.json")]), SOURCE);
    // /16 = 65,536 − 5 Azure-reserved = 65,531; 16 addresses handed to the node.
    expect(r.ranges).toEqual([
      expect.objectContaining({
        role: "pod-subnet",
        cidr: "10.241.0.0/16",
        source: "node-network-config",
        total: 65531,
        used: 16,
        free: 65515,
      }),
    ]);
  });

  it("takes a non-default Overlay pod CIDR from a NodeNetworkConfig, with an auto-provisioned node", async () => {
    // Two recordings from different clusters, read together: the node's labels and the NNC's shape.
    const s = await readDumps([f("nap-overlay-cilium-node.json"), f("nnc-recorded-overlay.json")]);
    expect(s.nodes[0]?.pool).toBe("default");
    const r = inspectReport(s, SOURCE);
    expect(r.verdict).toMatchObject({ model: "azure-cni-overlay", dataplane: "cilium", confidence: "high" });
    // 192.168.0.0/16 holds 256 /24 blocks; one node holds one.
    expect(r.ranges).toEqual([
      expect.objectContaining({
        role: "pod-cidr",
        cidr: "192.168.0.0/16",
        source: "node-network-config",
        total: 256,
        used: 1,
        free: 255,
      }),
    ]);
  });
});
