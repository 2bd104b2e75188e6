/**
 * `aksnet recommend [PLAN] [requirement flags]`: ranks every network model for
 * the requirements (flags override the plan's `requirements` section), with the
 * reasons; `--emit-plan FILE` writes the winner's plan, sized by the capacity engine.
 */
import { InvalidArgumentError, Option } from "commander";
import type { Plan, Requirements } from "../../../engines/plan/index.js";
import type { Recommendation } from "../../../engines/recommend/index.js";
import type { Io } from "../io.js";
import { writeTextFile } from "../files.js";
import { defineCommand } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { chooseFormat, defineOutput, outputOption } from "../output/formats.js";
import { writeOutput } from "../output/write.js";
import { readPlanFile } from "../plan-input.js";
import type { RecommendView } from "./view.js";

const OUTPUT = defineOutput<RecommendView>({
  formatters: { table: () => import("./table.js"), markdown: () => import("./markdown.js") },
  data: async (v) =>
    (await import("./render.js")).recommendationJson(
      v.recommendation,
      v.emitted && { file: v.emitted.file, candidate: v.emitted.candidate },
    ),
});

function count(value: string): number {
  if (!/^[0-9]{1,6}$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a whole number`);
  return Number(value);
}

const BOOLEANS = [
  [
    "podsReachableFromVnet",
    "--pods-reachable-from-vnet",
    "pods must be reachable by IP from the VNet and peered networks",
  ],
  ["podsReachableFromOnPremises", "--pods-reachable-from-on-premises", "pods must be reachable by IP from on-premises"],
  ["podIpsTraceable", "--pod-ips-traceable", "pod IPs must be visible end to end (compliance)"],
  ["windows", "--windows", "Windows node pools"],
  ["virtualNodes", "--virtual-nodes", "virtual nodes (ACI)"],
  ["applicationGateway", "--application-gateway", "Application Gateway (AGIC or Application Gateway for Containers)"],
  ["dualStack", "--dual-stack", "IPv4 and IPv6"],
  ["latencySensitive", "--latency-sensitive", "latency-sensitive workloads"],
  ["ebpf", "--ebpf", "eBPF observability or no kube-proxy"],
] as const;

export default defineCommand({
  configure(cmd) {
    cmd
      .argument("[plan]", "a plan file whose requirements section (and kubernetesVersion, name) to use")
      .addOption(new Option("--nodes <n>", "nodes now").argParser(count))
      .addOption(new Option("--max-nodes <n>", "nodes at most (autoscaler maximum)").argParser(count))
      .addOption(new Option("--pods-per-node <n>", "pods per node expected").argParser(count))
      .addOption(new Option("--max-pods-per-node <n>", "pods per node at most (the maxPods setting)").argParser(count))
      .option("--address-space <cidrs>", "the VNet or subnet space available, comma-separated CIDRs")
      .addOption(
        new Option("--network-policy <engine>", "the network policy engine wanted").choices([
          "none",
          "azure",
          "calico",
          "cilium",
        ]),
      )
      .option("--kubernetes-version <version>", 'e.g. "1.33"');
    for (const [, flag, help] of BOOLEANS) cmd.option(flag, help);
    cmd
      .option("--emit-plan <file>", "write the recommended plan (YAML) to this file")
      .addOption(outputOption(OUTPUT))
      .addHelpText(
        "after",
        "\nExamples:\n  aksnet recommend --nodes 20 --max-nodes 100 --pods-per-node 50\n  aksnet recommend --windows --network-policy calico --address-space 10.10.0.0/20\n  aksnet recommend aksnet.yaml --emit-plan recommended.yaml\n",
      );
  },
  async run({ args, opts, io }) {
    const input = args[0] !== undefined ? await fromPlan(args[0], io) : { requirements: {}, naming: {} };
    const requirements: Requirements = { ...input.requirements, ...(await fromFlags(opts)) };
    const version = opts["kubernetesVersion"] !== undefined ? String(opts["kubernetesVersion"]) : input.version;
    await checkRequirements(requirements, version);
    const { recommend } = await import("../../../engines/recommend/index.js");
    const r = recommend({ requirements, ...(version !== undefined ? { kubernetesVersion: version } : {}) });
    const emitted =
      opts["emitPlan"] !== undefined
        ? await emitPlanFile(r, requirements, String(opts["emitPlan"]), input.naming, io)
        : undefined;
    await writeOutput(io, OUTPUT, chooseFormat(OUTPUT, opts["output"]), {
      recommendation: r,
      ...(emitted ? { emitted } : {}),
    });
    return r.ranked.length === 0 ? EXIT.findings : EXIT.ok;
  },
});

type Naming = { name?: string; resourceGroup?: string; location?: string };

/** The requirements, Kubernetes version and names of a plan file. */
async function fromPlan(
  path: unknown,
  io: Io,
): Promise<{ requirements: Requirements; version?: Plan["kubernetesVersion"]; naming: Naming }> {
  const { plan } = await readPlanFile(path, io);
  return {
    requirements: plan.requirements ?? {},
    ...(plan.kubernetesVersion !== undefined ? { version: plan.kubernetesVersion } : {}),
    naming: {
      ...(plan.name ? { name: plan.name } : {}),
      ...(plan.resourceGroup ? { resourceGroup: plan.resourceGroup } : {}),
      ...(plan.location ? { location: plan.location } : {}),
    },
  };
}

/** The requirements the flags state (they override the plan's). */
async function fromFlags(opts: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const k of ["nodes", "maxNodes", "podsPerNode", "maxPodsPerNode", "networkPolicy"] as const)
    if (opts[k] !== undefined) out[k] = opts[k];
  for (const [k] of BOOLEANS) if (opts[k] !== undefined) out[k] = true;
  if (opts["addressSpace"] === undefined) return out;
  const { tryParsePrefix } = await import("../../../ip/index.js");
  const cidrs = String(opts["addressSpace"])
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const c of cidrs) {
    const r = tryParsePrefix(c);
    if (!r.ok)
      throw new UsageError(`--address-space ${JSON.stringify(c)}: ${r.error.reason}; give CIDRs such as 10.10.0.0/16`);
    if (r.value.addr.family !== 4)
      throw new UsageError(
        `--address-space ${c} is IPv6; give the IPv4 space (dual-stack VNets get their IPv6 /64s per subnet)`,
      );
  }
  out["addressSpace"] = cidrs;
  return out;
}

/** Requirements that contradict each other or cannot be read are a `UsageError`. */
async function checkRequirements(requirements: Requirements, version: string | number | undefined): Promise<void> {
  const { tryParsePrefix } = await import("../../../ip/index.js");
  for (const c of requirements.addressSpace ?? []) {
    const r = tryParsePrefix(c);
    if (!r.ok)
      throw new UsageError(`requirements.addressSpace ${JSON.stringify(c)}: ${r.error.reason}; fix the plan file`);
  }
  const { nodes, maxNodes, podsPerNode, maxPodsPerNode } = requirements;
  if (nodes !== undefined && maxNodes !== undefined && maxNodes < nodes)
    throw new UsageError(`max nodes ${maxNodes} is below nodes ${nodes}; give --max-nodes at least --nodes`);
  if (maxNodes === 0 || nodes === 0)
    throw new UsageError("a cluster's System pool needs at least one node; give --nodes 1 or more");
  if (podsPerNode !== undefined && maxPodsPerNode !== undefined && podsPerNode > maxPodsPerNode)
    throw new UsageError(
      `pods per node ${podsPerNode} is above max pods per node ${maxPodsPerNode}; ` +
        "raise --max-pods-per-node or lower --pods-per-node",
    );
  const { tryParseKubernetesVersion } = await import("../../../kb/index.js");
  if (version !== undefined && !tryParseKubernetesVersion(version))
    throw new UsageError(
      `Kubernetes version ${JSON.stringify(version)} is not like 1.33; give --kubernetes-version 1.33`,
    );
}

/** Writes the best candidate's plan to `file` (--emit-plan); nothing when no model fits. */
async function emitPlanFile(
  r: Recommendation,
  requirements: Requirements,
  file: string,
  naming: Naming,
  io: Io,
): Promise<RecommendView["emitted"]> {
  const best = r.ranked[0];
  if (!best) return undefined;
  const [{ emitPlan, candidateTitle }, { describeTarget }, { stringify }] = await Promise.all([
    import("../../../engines/recommend/index.js"),
    import("./render.js"),
    import("yaml"),
  ]);
  const e = emitPlan(best, r.target, naming);
  if ("problem" in e) throw new UsageError(`cannot emit a plan for ${best.title}: ${e.problem}; widen --address-space`);
  const header =
    `# Recommended by aksnet: ${candidateTitle(best)}.\n# Requirements: ${describeTarget(r)}.\n` +
    "# Subnets are the smallest that hold the peak node count with surge: " +
    "widen them for growth, internal load balancers or more pools.\n";
  await writeTextFile(
    io.cwd,
    file,
    header + stringify({ ...e.plan, requirements }),
    "give a writable path for --emit-plan",
  );
  return { file, candidate: best.id, title: best.title };
}
