/**
 * `aksnet size`: for a target (nodes or autoscaler maximum, max pods, surge,
 * pools, other tenants), the smallest node subnet, pod subnet and pod CIDR
 * each model needs.
 */
import { size, type CapacityAssumption, type SizeInput, type SizeResult } from "../../../engines/capacity/index.js";
import {
  extraSubnetProblems,
  extraSubnetSizesByModel,
  type ExtraSubnetCounts,
  type SubnetSize,
} from "../../../engines/layout/index.js";
import { MODEL_IDS, type DataplaneId, type MaxSurge, type ModelId } from "../../../kb/index.js";
import {
  parseCount,
  parseKubernetesVersionFlag,
  inFlagWords,
  parseMaxPods,
  parseMaxUnavailable,
  parseModels,
  parseNodes,
  parseSurge,
  parseTier,
} from "../flags.js";
import { defineCommand } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import type { Io } from "../io.js";
import { chooseFormat, defineOutput, outputOption } from "../output/formats.js";
import { writeOutput } from "../output/write.js";

/** What `size` prints: each model's needs and, for a plan file, each of its subnets' (`subnets`, else empty). */
/** A subnet of the plan (`--pools PLAN`), or one the flags ask for, sized per model (`models`). */
export type SizeSubnet = SubnetSize & { readonly models?: readonly ModelId[] };
export type SizeReport = SizeResult & { readonly subnets: readonly SizeSubnet[] };

const OUTPUT = defineOutput<SizeReport>({
  formatters: { table: () => import("./table.js"), markdown: () => import("./markdown.js") },
  kind: "SizeReport",
  data: (r) => r,
});

const EXAMPLES = `
Examples:
  aksnet size --nodes 50 --max-pods 30 --surge 1      # Microsoft's example: 1,581 addresses, a /21
  aksnet size --nodes 1000 --max-pods 200 --model azure-cni-overlay
  aksnet size --nodes 3 --max-count 20 --max-pods 110 --ilb 2 --private-endpoints 1
  aksnet size --pools examples/pools.yaml -o markdown
  aksnet size --pools examples/generate/overlay-cilium-vnet.yaml --model azure-cni-overlay  # every subnet of a plan
  aksnet size --nodes 20 --max-pods 30 --surge 0 --max-unavailable 2  # in place: no surge addresses
  aksnet size --nodes 1500 --model azure-cni-overlay --tier Standard
  aksnet size --nodes 20 --model azure-cni-overlay --api-server-clusters 2 --agc --gateway-nodes 2  # the other subnets
`;

/** The flags of the subnets beside the nodes, by the engine's field names. */
const EXTRA_FLAGS = {
  apiServerClusters: "--api-server-clusters",
  gatewayNodes: "--gateway-nodes",
  privateEndpoints: "--private-endpoint-subnet",
  virtualNodePods: "--virtual-node-pods",
  napNodes: "--nap-nodes",
  napMaxPods: "--nap-max-pods",
} as const satisfies Partial<Record<keyof ExtraSubnetCounts, string>>;

/** The subnets beside the nodes the flags ask for: parsed here, checked and sized by the layout engine. */
function extraSubnets(opts: Readonly<Record<string, unknown>>): SizeSubnet[] | undefined {
  const counts: { -readonly [K in keyof ExtraSubnetCounts]: ExtraSubnetCounts[K] } = {};
  for (const [field, flag] of Object.entries(EXTRA_FLAGS) as [keyof typeof EXTRA_FLAGS, string][]) {
    const v = parseCount(flag, opts[camel(flag)]);
    if (v !== undefined) counts[field] = v;
  }
  if (opts["agc"] === true) counts.agc = true;
  if (Object.keys(counts).length === 0) return undefined;
  const problem = extraSubnetProblems(counts)[0];
  if (problem) {
    const flag = problem.field === "agc" ? "--agc" : EXTRA_FLAGS[problem.field];
    throw new UsageError(`${flag} ${String(counts[problem.field])} ${problem.message}`);
  }
  return extraSubnetSizesByModel(counts, parseModels(opts["model"]) ?? MODEL_IDS);
}

const camel = (flag: string) => flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

interface FlagPool {
  readonly nodes: number | undefined;
  readonly maxCount: number | undefined;
  readonly maxPods: number | undefined;
  readonly surge: MaxSurge | undefined;
  readonly maxUnavailable: MaxSurge | undefined;
}

interface SizeTarget {
  readonly target: Omit<SizeInput, "models">;
  readonly subnets: readonly SizeSubnet[];
  /** What the pools file adds to the size engine's assumptions (NAP NodePools sized for an Automatic plan). */
  readonly assumptions?: Readonly<Record<string, CapacityAssumption>>;
  /** The one model and dataplane of an AKS Automatic plan: the only row sized. */
  readonly only?: { readonly model: ModelId; readonly dataplane: DataplaneId };
}

/** What to size: the pools file's pools and subnets (--pools), or one pool from the flags and the subnet flags. */
async function sizeTarget(opts: Readonly<Record<string, unknown>>, io: Io, flags: FlagPool): Promise<SizeTarget> {
  const { nodes, maxCount, maxPods, surge, maxUnavailable } = flags;
  const extra = extraSubnets(opts);
  if (extra !== undefined && opts["pools"] !== undefined)
    throw new UsageError(
      "give the other subnets' flags with --nodes, not with --pools: the plan file names its subnets, and size " +
        "sizes them",
    );
  if (opts["pools"] !== undefined) {
    if (nodes !== undefined || maxCount !== undefined)
      throw new UsageError(
        "give either --pools or --nodes/--max-count, not both; the pools file holds each pool's nodes",
      );
    // Loaded only for --pools: the YAML parser and the plan schema cost more start-up than the whole sizing.
    const { readPoolsFile } = await import("./pools-file.js");
    const { target: file, plan, assumptions, automatic } = await readPoolsFile(String(opts["pools"]), io.cwd);
    // Every subnet of the plan (API server, AGC, gateway pools' …), sized as aksnet layout sizes them.
    const { subnetSizes } = await import("../../../engines/layout/index.js");
    const pools = file.pools.map((p) => ({
      ...p,
      maxPods: p.maxPods ?? maxPods,
      maxSurge: p.maxSurge ?? surge,
      maxUnavailable: p.maxUnavailable ?? maxUnavailable,
    }));
    const only = automatic ? { only: { model: automatic.model, dataplane: automatic.dataplane } } : {};
    return { target: { ...file, pools }, subnets: subnetSizes(plan), assumptions, ...only };
  }
  if (nodes === undefined && maxCount === undefined)
    throw new UsageError(
      "say how many nodes to plan for: --nodes N (or --max-count N with the autoscaler, or --pools FILE)",
    );
  if (nodes !== undefined && maxCount !== undefined && maxCount < nodes)
    throw new UsageError(
      `--max-count ${maxCount} is below --nodes ${nodes}; the autoscaler maximum must be at least the node count`,
    );
  return {
    target: { pools: [{ name: "default", nodes: maxCount ?? nodes ?? 0, maxPods, maxSurge: surge, maxUnavailable }] },
    subnets: extra ?? [],
  };
}

/** The models to size: an AKS Automatic plan's one model (a --model without it is refused), else --model's. */
function onlyModels(models: readonly ModelId[] | undefined, only: SizeTarget["only"]): readonly ModelId[] | undefined {
  if (!only) return models;
  if (models && !models.includes(only.model))
    throw new UsageError(
      `--model ${models.join(",")} does not apply to an AKS Automatic plan: it always runs ${only.model} with ` +
        `the ${only.dataplane} dataplane; leave --model out or give ${only.model}`,
    );
  return [only.model];
}

/** An AKS Automatic plan's row only: its model with its dataplane, not the model's other dataplane. */
function onlyRow(result: SizeResult, only: SizeTarget["only"]): SizeResult {
  if (!only) return result;
  return { ...result, models: result.models.filter((r) => r.dataplane === null || r.dataplane === only.dataplane) };
}

export default defineCommand({
  configure(cmd) {
    cmd
      .option("--nodes <n>", "nodes in the pool (its count)")
      .option("--max-count <n>", "autoscaler maximum; AKS reserves addresses for it up front")
      .option("--max-pods <n>", "max pods per node (default: each model's default)")
      .option("--surge <n|p%>", "max surge: nodes or a percentage; 0 for none (default: 10%; 1 before Kubernetes 1.28)")
      .option(
        "--pools <file>",
        "YAML or JSON node pools (name, count, minCount, maxCount, maxPods, maxSurge, maxUnavailable) or a plan file " +
          "(its reserved addresses, version and tier too)",
      )
      .option("--model <ids>", "only these models, comma-separated")
      .option("--ilb <n>", "internal load balancer IPs in the node subnet")
      .option("--private-endpoints <n>", "private endpoints in the node subnet")
      .option("--max-unavailable <n|p%>", "nodes upgraded in place at a time (with --surge 0: no surge addresses)")
      .option("--kubernetes-version <v>", "Kubernetes version: decides the default surge and the 1.35 surge fallback")
      .option("--tier <tier>", "pricing tier: Free (1,000 nodes; the API default), Standard or Premium (5,000)")
      .option("--api-server-clusters <n>", "size an API server subnet (VNet integration) shared by n clusters")
      .option("--agc", "size an Application Gateway for Containers subnet")
      .option("--gateway-nodes <n>", "size a static egress gateway pool's subnet for n nodes")
      .option("--private-endpoint-subnet <n>", "size a subnet of its own for n private endpoints")
      .option("--virtual-node-pods <n>", "size the virtual nodes (ACI) subnet for n pods")
      .option("--nap-nodes <n>", "size a node auto-provisioning subnet for a NodePool of at most n nodes")
      .option("--nap-max-pods <n>", "max pods of those NAP nodes (with --nap-nodes)")
      .addOption(outputOption(OUTPUT))
      .addHelpText("after", EXAMPLES);
  },
  async run({ opts, io }) {
    const nodes = parseNodes("--nodes", opts["nodes"]);
    const maxCount = parseNodes("--max-count", opts["maxCount"]);
    const maxPods = parseMaxPods(opts["maxPods"]);
    const surge = parseSurge(opts["surge"]);
    const maxUnavailable = parseMaxUnavailable(opts["maxUnavailable"]);
    const { target, subnets, assumptions, only } = await sizeTarget(opts, io, {
      nodes,
      maxCount,
      maxPods,
      surge,
      maxUnavailable,
    });
    const ilb = parseCount("--ilb", opts["ilb"]);
    const pe = parseCount("--private-endpoints", opts["privateEndpoints"]);
    const result = onlyRow(
      size({
        ...target,
        models: onlyModels(parseModels(opts["model"]), only),
        kubernetesVersion: parseKubernetesVersionFlag(opts["kubernetesVersion"]) ?? target.kubernetesVersion,
        tier: parseTier(opts["tier"]) ?? target.tier,
        tenants: {
          ...target.tenants,
          ...(ilb !== undefined ? { internalLoadBalancerIps: ilb } : {}),
          ...(pe !== undefined ? { privateEndpoints: pe } : {}),
        },
      }),
      only,
    );
    const error = result.problems.find((p) => p.severity === "error");
    // Without --pools the one pool is the flags': its maxPods problem is --max-pods's, its nodes --nodes's
    // (or --max-count's, which it sizes for).
    const flags: Record<string, { flag: string; text: unknown }> =
      opts["pools"] === undefined
        ? {
            "pools[0].maxPods": { flag: "--max-pods", text: opts["maxPods"] },
            "pools[0].nodes":
              maxCount !== undefined
                ? { flag: "--max-count", text: opts["maxCount"] }
                : { flag: "--nodes", text: opts["nodes"] },
          }
        : {};
    if (error) throw new UsageError(inFlagWords(error, flags));
    const report = { ...result, assumptions: { ...result.assumptions, ...assumptions }, subnets };
    await writeOutput(io, OUTPUT, chooseFormat(OUTPUT, opts["output"]), report);
    return EXIT.ok;
  },
});
