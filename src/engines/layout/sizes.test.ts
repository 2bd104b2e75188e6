import { describe, expect, it } from "vitest";
import { PlanSchema, type PlanInput } from "../schema/schema.js";
import { subnetSizes } from "./sizes.js";

const plan = (patch: Partial<PlanInput> = {}, subnets: { name: string; cidr: string; delegation?: string }[] = []) =>
  PlanSchema.parse({
    name: "aks",
    network: { plugin: "azure", pluginMode: "overlay", dataplane: "cilium", podCidrs: ["10.244.0.0/16"] },
    vnet: {
      name: "vnet",
      addressSpace: ["10.40.0.0/20"],
      subnets: [{ name: "nodes", cidr: "10.40.0.0/24" }, ...subnets],
    },
    nodePools: [{ name: "system", mode: "System", count: 3, subnet: "nodes" }],
    ...patch,
  } satisfies PlanInput);

const row = (p: ReturnType<typeof plan>, name: string) => subnetSizes(p).find((s) => s.name === name);

describe("subnetSizes: each subnet's need and whether its range holds it", () => {
  it.each<{ name: string; p: ReturnType<typeof plan>; subnet: string; want: Record<string, unknown> }>([
    {
      name: "an API server subnet: 9 addresses per sharing cluster, /28 at least",
      p: plan({ apiServer: { vnetIntegration: true, subnet: "api" } }, [{ name: "api", cidr: "10.40.1.0/28" }]),
      subnet: "api",
      want: { kind: "apiServer", addressesNeeded: 9, prefixLength: 28, usable: 11, fits: true },
    },
    {
      name: "three clusters sharing it need 27 addresses: a /28 does not fit",
      p: plan({ apiServer: { vnetIntegration: true, subnet: "api", clustersSharingSubnet: 3 } }, [
        { name: "api", cidr: "10.40.1.0/28" },
      ]),
      subnet: "api",
      want: { addressesNeeded: 27, prefixLength: 27, fits: false },
    },
    {
      name: "API Server VNet Integration without a subnet: the subnet it needs is listed, missing",
      p: plan({ apiServer: { vnetIntegration: true } }),
      subnet: "aks-apiserver",
      want: { kind: "apiServer", prefixLength: 28 },
    },
    {
      name: "AGC with Overlay: exactly /24, so a /23 does not fit",
      p: plan({ addons: { applicationGatewayForContainers: { subnet: "agc" } } }, [
        { name: "agc", cidr: "10.40.2.0/23" },
      ]),
      subnet: "agc",
      want: { kind: "applicationGatewayForContainers", prefixLength: 24, fits: false },
    },
    {
      name: "a gateway pool's own subnet holds its nodes and surge",
      p: plan(
        {
          nodePools: [
            { name: "system", mode: "System", count: 3, subnet: "nodes" },
            { name: "egress", mode: "Gateway", count: 4, gatewayPrefixSize: 30, subnet: "egress" },
          ],
        },
        [{ name: "egress", cidr: "10.40.1.0/29" }],
      ),
      subnet: "egress",
      want: { kind: "nodes", addressesNeeded: 5, prefixLength: 28, usable: 3, fits: false },
    },
  ])("$name", ({ p, subnet, want }) => {
    expect(row(p, subnet)).toMatchObject(want);
  });

  it("a missing subnet has no range, usable count or verdict", () => {
    const r = row(plan({ apiServer: { vnetIntegration: true } }), "aks-apiserver");
    expect(r?.cidr).toBeUndefined();
    expect(r?.fits).toBeUndefined();
  });

  it("node auto-provisioning's subnet says its nodes skip ARM's check and fail later with SubnetIsFull", () => {
    const nap = plan({ nodeProvisioning: { mode: "Auto", pools: [{ name: "default", maxNodes: 100 }] } });
    expect(row(nap, "nodes")?.notes.join(" ")).toMatch(/without ARM's up-front subnet check.*SubnetIsFull/);
    expect(row(nap, "nodes")?.addressesNeeded).toBeGreaterThan(100);
    expect(row(plan(), "nodes")?.notes).toEqual([]);
  });

  it("without a vnet section AKS sizes its managed VNet: nothing listed", () => {
    expect(
      subnetSizes(
        PlanSchema.parse({ nodePools: [{ name: "system", count: 3 }], apiServer: { vnetIntegration: true } }),
      ),
    ).toEqual([]);
  });

  it("a subnet nothing in the plan explains is left out", () => {
    expect(subnetSizes(plan({}, [{ name: "shared", cidr: "10.40.3.0/24" }])).map((s) => s.name)).toEqual(["nodes"]);
  });
});
