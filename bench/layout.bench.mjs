/**
 * Issue 13's budget: laying out 200 subnets in a /8 that already holds 10,000
 * subnets, beside 1,000 connected-network prefixes, takes under 50 ms.
 * Measured on the compiled library, from a resolved plan (what `aksnet layout`
 * and the web page hold): `layoutPlan` end to end (which subnets, their sizes,
 * placement with room to double, how far each can grow, the edits and the
 * laid-out plan). Beside it, in the same run: the placement alone
 * (`placeSubnets`, room to double) and the IP core's first-free allocator
 * alone (`PrefixAllocator.allocate` for the same 200 lengths, largest first,
 * no room to grow) — the floor any placement on the same free space pays.
 *
 * The estate (seed 13): 10.0.0.0/8; 10,000 subnets /24–/28 packed in runs of
 * 5–40 with gaps, like the spokes of a landing zone; 1,000 connected-network
 * prefixes /16–/24 (peerings, on-premises) scattered through the same /8; 200
 * new subnets of /20–/28 asked in `layout.subnets`, most of them small.
 */
import {
  Addr,
  PrefixAllocator,
  addrSetOf,
  layoutPlan,
  parsePlan,
  placeSubnets,
  prefixFrom,
  resolvePlan,
} from "../dist/index.js";
import { prng } from "./lib/prng.mjs";
import { formatMs, measure } from "./lib/timing.mjs";

const EXISTING = 10_000;
const CONNECTED = 1_000;
const REQUESTS = 200;
const BUDGET_MS = 50;
const n = (x) => x.toLocaleString("en-US");
const ip = (v) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join(".");

export function makePlan() {
  const r = prng(13);
  const subnets = [];
  let at = (10 << 24) >>> 0;
  while (subnets.length < EXISTING) {
    at += r.int(0, 64) * 4096; // a gap before each spoke
    const run = r.int(5, 40);
    for (let i = 0; i < run && subnets.length < EXISTING; i++) {
      const bits = r.int(24, 28);
      const size = 2 ** (32 - bits);
      at = Math.ceil(at / size) * size;
      subnets.push({ name: `s${subnets.length}`, cidr: `${ip(at)}/${bits}` });
      at += size;
    }
  }
  const connected = [];
  for (let i = 0; i < CONNECTED; i++) {
    const bits = r.int(16, 24);
    const base = (10 << 24) + r.int(0, 2 ** 24 - 1);
    connected.push(
      prefixFrom(Addr.of4(base >>> 0), bits)
        .masked()
        .toString(),
    );
  }
  const pick = r.picker({ 28: 30, 27: 20, 26: 20, 24: 15, 23: 8, 22: 5, 20: 2 });
  const layout = [];
  for (let i = 0; i < REQUESTS; i++) layout.push({ name: `new${i}`, purpose: "other", prefixLength: Number(pick()) });
  return {
    apiVersion: "aksnet/v1",
    kind: "ClusterPlan",
    network: { plugin: "azure", pluginMode: "overlay", podCidrs: ["100.64.0.0/16"], serviceCidrs: ["192.168.0.0/16"] },
    vnet: { name: "vnet-estate", addressSpace: ["10.0.0.0/8"], subnets },
    connectedNetworks: [{ name: "peerings", cidrs: connected }],
    nodePools: [{ name: "system", mode: "System", count: 3, subnet: "s0" }],
    layout: { growth: 2, subnets: layout },
  };
}

export async function run() {
  const plan = makePlan();
  const parsed = parsePlan(plan);
  if (!parsed.plan) throw new Error(`bench plan does not parse: ${JSON.stringify(parsed.problems[0])}`);
  const resolved = resolvePlan(parsed.plan);
  console.log(
    `layout: 10.0.0.0/8 with ${n(EXISTING)} subnets and ${n(CONNECTED)} connected prefixes; ${REQUESTS} to place`,
  );

  const whole = await measure(() => layoutPlan(resolved), {
    runs: 9,
    check: (r) => r.subnets.filter((s) => s.status === "placed").length === REQUESTS && r.problems.length === 0,
  });
  if (Number.isNaN(whole.ms)) throw new Error("layoutPlan did not place every subnet of the bench plan");
  const placed = whole.output.subnets.filter((s) => s.status === "placed");
  const grown = placed.filter((s) => s.canGrowTo !== s.cidr).length;
  console.log(
    `layout: layoutPlan ${formatMs(whole.cpuMs)} CPU (${formatMs(whole.ms)} wall); ${grown} of ${placed.length} can ` +
      `grow in place`,
  );

  // The placement alone and the allocator alone, on the same taken set (built once, outside the timing).
  const space = resolved.vnetAddressSpace[0].prefix;
  const taken = addrSetOf([
    ...resolved.subnets.map((s) => s.prefix),
    ...resolved.connectedNetworks.flatMap((c) => c.cidrs.map((f) => f.prefix)),
  ]);
  const requests = plan.layout.subnets.map((s) => ({ id: s.name, bits: s.prefixLength, growthBits: 1, family: 4 }));
  const place = await measure(() => placeSubnets([space], taken, requests), { runs: 9 });
  const lengths = requests.map((q) => q.bits).sort((a, b) => a - b);
  const alloc = await measure(
    () => {
      const a = new PrefixAllocator(space, taken);
      let got = 0;
      for (const bits of lengths) if (a.allocate(bits)) got++;
      return got;
    },
    { runs: 9, check: (got) => got === REQUESTS },
  );
  console.log(`layout: placeSubnets ${formatMs(place.cpuMs)} CPU; PrefixAllocator alone ${formatMs(alloc.cpuMs)} CPU`);

  return report(whole, place, alloc, placed.length, grown);
}

/** The markdown section from the measured figures. */
function report(whole, place, alloc, placedCount, grown) {
  const verdict = (ms) => (ms < BUDGET_MS ? "within" : "**over**");
  const ratio = (ms) => `${(ms / alloc.cpuMs).toFixed(1)}×`;
  return [
    "## layout: 200 subnets in a /8",
    "",
    `10.0.0.0/8 holding ${n(EXISTING)} subnets (/24–/28 in runs, like landing-zone spokes) beside ${n(CONNECTED)} ` +
      `connected-network prefixes (/16–/24) in the same /8; ${REQUESTS} new subnets /20–/28 with room to double; ` +
      `seed 13. Budget: under ${formatMs(BUDGET_MS)}. CPU time, median of up to 9 runs; the ratio is against the ` +
      `allocator alone.`,
    "",
    "| what | CPU | wall | budget | ratio |",
    "|---|---:|---:|---|---:|",
    `| \`layoutPlan(resolvedPlan)\`: needs, sizes, placement with room to double, how far each can grow, edits, ` +
      `laid-out plan | ${formatMs(whole.cpuMs)} | ${formatMs(whole.ms)} | ${verdict(whole.cpuMs)} | ` +
      `${ratio(whole.cpuMs)} |`,
    `| \`placeSubnets\` alone (largest first, room to double, then \`canGrowTo\`) | ${formatMs(place.cpuMs)} | ` +
      `${formatMs(place.ms)} | | ${ratio(place.cpuMs)} |`,
    `| the IP core's first-free allocator alone (\`PrefixAllocator.allocate\` × ${REQUESTS}, largest first, no room) ` +
      `| ${formatMs(alloc.cpuMs)} | ${formatMs(alloc.ms)} | | 1× |`,
    "",
    `All ${placedCount} placed; ${grown} of them can grow in place after the layout.`,
    "",
  ].join("\n");
}
