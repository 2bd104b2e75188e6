import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePrefix, type Prefix } from "../../ip/index.js";
import type { PlanInput } from "../plan/index.js";
import { PlanSchema } from "../schema/index.js";
import { addressMap, type AddressMap } from "./address-map.js";

const plan = (p: PlanInput) => PlanSchema.parse(p);

/** Every drawn range as `kind cidr` with a `!` when marked as overlapping, panel by panel. */
function summary(map: AddressMap): string[][] {
  return map.panels.map((p) =>
    p.lanes.flatMap((l) => l.items.map((i) => `${i.kind} ${i.cidr}${i.overlaps ? " !" : ""}`)),
  );
}

describe("addressMap", () => {
  const cases: { name: string; plan: PlanInput; panels: string[][]; bands?: number[] }[] = [
    {
      name: "disjoint ranges get one panel each, ordered by address",
      plan: {
        network: { podCidrs: ["10.244.0.0/16"], serviceCidrs: ["10.0.0.0/16"] },
        vnet: { addressSpace: ["10.224.0.0/12"], subnets: [{ name: "a", cidr: "10.224.0.0/24" }] },
      },
      panels: [["services 10.0.0.0/16"], ["vnet 10.224.0.0/12", "subnet 10.224.0.0/24"], ["pods 10.244.0.0/16"]],
      bands: [0, 0, 0],
    },
    {
      name: "a pod CIDR inside the VNet overlaps it",
      plan: {
        network: { podCidrs: ["10.224.128.0/17"] },
        vnet: { addressSpace: ["10.224.0.0/16"], subnets: [{ name: "a", cidr: "10.224.0.0/24" }] },
      },
      panels: [["vnet 10.224.0.0/16 !", "subnet 10.224.0.0/24", "pods 10.224.128.0/17 !"]],
      bands: [1],
    },
    {
      name: "two subnets sharing addresses overlap; their VNet does not",
      plan: {
        vnet: {
          addressSpace: ["10.1.0.0/16"],
          subnets: [
            { name: "a", cidr: "10.1.0.0/23" },
            { name: "b", cidr: "10.1.1.0/24" },
            { name: "c", cidr: "10.1.4.0/24" },
          ],
        },
      },
      panels: [["vnet 10.1.0.0/16", "subnet 10.1.0.0/23 !", "subnet 10.1.1.0/24 !", "subnet 10.1.4.0/24"]],
      bands: [1],
    },
    {
      name: "a service CIDR equal to a peered network overlaps it",
      plan: {
        network: { serviceCidrs: ["10.0.0.0/16"] },
        connectedNetworks: [{ name: "hub", cidrs: ["10.0.0.0/16"] }],
      },
      panels: [["services 10.0.0.0/16 !", "connected 10.0.0.0/16 !"]],
      bands: [1],
    },
    {
      name: "a pod CIDR over an AKS-reserved range shows the reserved range",
      plan: { network: { podCidrs: ["172.30.0.0/15"] } },
      panels: [["pods 172.30.0.0/15 !", "reserved 172.30.0.0/16 !", "reserved 172.31.0.0/16 !"]],
      bands: [1],
    },
    {
      name: "host bits are drawn as the network they mask to",
      plan: { network: { podCidrs: ["10.244.1.7/16"] } },
      panels: [["pods 10.244.0.0/16"]],
    },
    {
      name: "IPv6 ranges sit in their own panels after IPv4",
      plan: { network: { podCidrs: ["fd00::/64", "10.244.0.0/16"] } },
      panels: [["pods 10.244.0.0/16"], ["pods fd00::/64"]],
    },
  ];
  it.each(cases)("$name", ({ plan: p, panels, bands }) => {
    const map = addressMap(plan(p));
    expect(summary(map)).toEqual(panels);
    if (bands) expect(map.panels.map((x) => x.overlapBands.length)).toEqual(bands);
  });

  it("draws to scale: a /24 at the start of a /16 is 1/256 of the axis", () => {
    const map = addressMap(
      plan({
        vnet: {
          addressSpace: ["10.1.0.0/16"],
          subnets: [
            { name: "a", cidr: "10.1.0.0/24" },
            { name: "b", cidr: "10.1.128.0/24" },
          ],
        },
      }),
    );
    const [vnet, subnets] = map.panels[0]?.lanes ?? [];
    expect(vnet?.items[0]).toMatchObject({ x: 0, width: 1 });
    expect(subnets?.items.map((i) => [i.x, i.width])).toEqual([
      [0, 1 / 256],
      [0.5, 1 / 256],
    ]);
    // A /24 holds 256 addresses, 251 after the 5 Azure keeps.
    expect(subnets?.items.map((i) => i.usable)).toEqual(["251", "251"]);
    expect(map.panels[0]).toMatchObject({ from: "10.1.0.0", to: "10.1.255.255", size: "65536" });
  });

  it("zooms to the subnets when they fill under a quarter of the VNet", () => {
    const map = addressMap(
      plan({
        vnet: {
          addressSpace: ["10.224.0.0/12"],
          subnets: [
            { name: "a", cidr: "10.224.0.0/22" },
            { name: "b", cidr: "10.224.8.0/24" },
          ],
        },
      }),
    );
    const zoom = map.panels[0]?.zoom;
    expect(zoom).toMatchObject({ from: "10.224.0.0", to: "10.224.8.255", size: String(9 * 256) });
    expect(zoom?.lanes.map((l) => l.kind)).toEqual(["subnet"]);
    expect(zoom?.lanes[0]?.items.map((i) => [i.x, i.width])).toEqual([
      [0, 4 / 9],
      [8 / 9, 1 / 9],
    ]);
  });

  it("lists CIDRs it cannot draw with the field and the reason", () => {
    const map = addressMap(
      plan({
        network: { podCidrs: ["10.244.0.0/33"] },
        vnet: { addressSpace: ["10.0.0.0/8"], subnets: [{ name: "x", cidr: "nope" }] },
      }),
    );
    expect(map.unreadable.map((u) => u.field)).toEqual(["vnet.subnets[0].cidr", "network.podCidrs[0]"]);
    expect(map.panels).toHaveLength(1);
  });
});

describe("overlap marks agree with a pairwise oracle", () => {
  const cidr = fc
    .tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 18, max: 28 }))
    .map(([n, bits]) => `10.0.${n >> 8}.${n & 255}/${bits}`);
  const planArb = fc.record({
    vnet: fc.array(cidr, { minLength: 1, maxLength: 2 }),
    subnets: fc.array(cidr, { maxLength: 8 }),
    pods: fc.array(cidr, { maxLength: 1 }),
    services: fc.array(cidr, { maxLength: 1 }),
    connected: fc.array(fc.array(cidr, { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
  });

  it("every drawn range is marked exactly when the rules say it shares addresses", () => {
    fc.assert(
      fc.property(planArb, (g) => {
        const map = addressMap(
          plan({
            vnet: { addressSpace: g.vnet, subnets: g.subnets.map((c, i) => ({ name: `s${i}`, cidr: c })) },
            network: { podCidrs: g.pods, serviceCidrs: g.services },
            connectedNetworks: g.connected.map((cidrs, i) => ({ name: `n${i}`, cidrs })),
          }),
        );
        // The slow, obvious oracle: every range with its owner, compared pairwise.
        const all: { kind: string; owner: string; p: Prefix }[] = [
          ...g.vnet.map((c) => ({ kind: "vnet", owner: "vnet", p: parsePrefix(c).masked() })),
          ...g.subnets.map((c) => ({ kind: "subnet", owner: "vnet", p: parsePrefix(c).masked() })),
          ...g.pods.map((c) => ({ kind: "pods", owner: "pods", p: parsePrefix(c).masked() })),
          ...g.services.map((c) => ({ kind: "services", owner: "services", p: parsePrefix(c).masked() })),
          ...g.connected.flatMap((cs, i) =>
            cs.map((c) => ({ kind: "connected", owner: `n${i}`, p: parsePrefix(c).masked() })),
          ),
        ];
        const expected = (kind: string, p: Prefix, self: number) =>
          all.some((o, j) => {
            if (j === self || !o.p.overlaps(p)) return false;
            const mine = all[self]!;
            if (mine.owner !== o.owner)
              return !(kind === "vnet" && o.kind === "subnet") && !(mine.kind === "subnet" && o.kind === "vnet");
            return kind === "subnet" && o.kind === "subnet";
          });
        const drawn = map.panels.flatMap((panel) => panel.lanes.flatMap((l) => l.items));
        expect(drawn.filter((i) => i.kind !== "reserved")).toHaveLength(all.length);
        const used = new Set<number>();
        for (const item of drawn) {
          if (item.kind === "reserved") continue;
          const k = all.findIndex((r, j) => !used.has(j) && r.kind === item.kind && r.p.toString() === item.cidr);
          expect(k).toBeGreaterThanOrEqual(0);
          used.add(k);
          expect(item.overlaps, `${item.kind} ${item.cidr}`).toBe(expected(item.kind, all[k]!.p, k));
        }
      }),
      { numRuns: 300 },
    );
  });
});
