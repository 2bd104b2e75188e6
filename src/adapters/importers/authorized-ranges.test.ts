import { describe, expect, it } from "vitest";
import { loadPlanText } from "./index.js";

/** An ARM managed cluster (REST shape) with this access profile and pools. */
const arm = (api: unknown, pools: unknown[] = [{ name: "system", mode: "System", count: 3 }]) =>
  JSON.stringify({
    name: "aks",
    type: "Microsoft.ContainerService/managedClusters",
    properties: { networkProfile: { networkPlugin: "azure" }, agentPoolProfiles: pools, apiServerAccessProfile: api },
  });
/** `az aks show -o json` (flattened, SDK casing) with this access profile and pools. */
const azShow = (api: unknown, pools: unknown[] = [{ name: "system", mode: "System", count: 3 }]) =>
  JSON.stringify({
    name: "aks",
    networkProfile: { networkPlugin: "azure" },
    agentPoolProfiles: pools,
    apiServerAccessProfile: api,
  });

const planOf = (text: string) => {
  const r = loadPlanText(text, "cluster.json");
  if (!r.plan) throw new Error(JSON.stringify(r.problems));
  return r;
};

describe("importers: API server authorized IP ranges and node public IPs", () => {
  it.each([
    {
      name: "ARM authorizedIPRanges",
      text: arm({ authorizedIPRanges: ["73.140.245.0/24", "20.61.12.34/32"] }),
      ranges: ["73.140.245.0/24", "20.61.12.34/32"],
    },
    {
      name: "az aks show authorizedIpRanges",
      text: azShow({ authorizedIpRanges: ["73.140.245.0/24"], enablePrivateCluster: false }),
      ranges: ["73.140.245.0/24"],
    },
    { name: "an empty list is left out", text: arm({ authorizedIPRanges: [] }), ranges: undefined },
    { name: "null is left out", text: azShow({ authorizedIpRanges: null }), ranges: undefined },
    { name: "no access profile", text: arm(undefined), ranges: undefined },
    {
      name: "a list with a non-string is left out (not guessed)",
      text: arm({ authorizedIPRanges: ["73.140.245.0/24", 7] }),
      ranges: undefined,
    },
    {
      name: "the 0.0.0.0/32 value is kept as written",
      text: arm({ authorizedIPRanges: ["0.0.0.0/32"] }),
      ranges: ["0.0.0.0/32"],
    },
  ])("$name", ({ text, ranges }) => {
    expect(planOf(text).plan?.apiServer?.authorizedIpRanges).toEqual(ranges);
  });

  it.each([
    { name: "ARM enableNodePublicIP", text: arm({}, [{ name: "edge", count: 2, enableNodePublicIP: true }]), on: true },
    {
      name: "az enableNodePublicIp",
      text: azShow({}, [{ name: "edge", count: 2, enableNodePublicIp: true }]),
      on: true,
    },
    {
      name: "false is left out",
      text: arm({}, [{ name: "edge", count: 2, enableNodePublicIP: false }]),
      on: undefined,
    },
  ])("$name", ({ text, on }) => {
    expect(planOf(text).plan?.nodePools[0]?.nodePublicIp).toBe(on);
  });

  const PREFIX_ID =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/" +
    "publicIPPrefixes/pip-edge";
  it.each([
    {
      name: "ARM nodePublicIPPrefixID",
      text: arm({}, [{ name: "e", enableNodePublicIP: true, nodePublicIPPrefixID: PREFIX_ID }]),
    },
    {
      name: "az nodePublicIpPrefixId",
      text: azShow({}, [{ name: "e", enableNodePublicIp: true, nodePublicIpPrefixId: PREFIX_ID }]),
    },
  ])("$name: the prefix's resource ID is kept (its range is not known)", ({ text }) => {
    const pool = planOf(text).plan?.nodePools[0];
    expect([pool?.nodePublicIp, pool?.nodePublicIpPrefixId, pool?.nodePublicIpPrefix]).toEqual([
      true,
      PREFIX_ID,
      undefined,
    ]);
  });

  it("locates the ranges at their key", () => {
    const r = planOf(arm({ authorizedIPRanges: ["73.140.245.0/24"] }));
    expect(r.locate("apiServer.authorizedIpRanges").column).toBeGreaterThan(1);
  });

  it("an imported cluster with ranges and node public IPs gets the prefix warning from check", async () => {
    const { validate } = await import("../../engines/validate/index.js");
    const plan = planOf(
      arm({ authorizedIPRanges: ["73.140.245.0/24"] }, [{ name: "edge", count: 2, enableNodePublicIP: true }]),
    ).plan;
    expect(validate(plan!).map((f) => f.messageId)).toContain("nodePublicIpNoPrefix");
  });
});
