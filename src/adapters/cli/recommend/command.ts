/**
 * `aksnet recommend [PLAN] [requirement flags]`: ranks every network model for
 * the requirements (flags override the plan's `requirements` section), with the
 * reasons; `--emit-plan FILE` writes the winner's plan, sized by the capacity engine.
 */
import { InvalidArgumentError, Option } from "commander";
import { resolvePlan, type Plan, type Requirements } from "../../../engines/plan/index.js";
import type { InputProblem } from "../../../engines/recommend/index.js";
import type { Io } from "../io.js";
import { defineCommand } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { chooseFormat, defineOutput, outputOption } from "../output/formats.js";
import { writeOutput } from "../output/write.js";
import { readPlanFile } from "../plan-input.js";
import type { RecommendView } from "./view.js";

const OUTPUT = defineOutput<RecommendView>({
  formatters: { table: () => import("./table.js"), markdown: () => import("./markdown.js") },
  kind: "RecommendReport",
  data: async (v) =>
    (await import("./recommendation-text.js")).recommendationJson(
      v.recommendation,
      v.emitted && { file: v.emitted.file, candidate: v.emitted.candidate },
    ),
});

/**
 * A count flag's digits; whether the count is in range is the engine's to say (recommend's input problems). A value
 * of seven digits used to be refused as "not a whole number".
 */
function count(value: string): number {
  const text = value.trim();
  if (!/^[0-9]+$/.test(text))
    throw new InvalidArgumentError(`"${value}" is not a count written in digits (such as 50)`);
  return Number(text);
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
  ["nodeAutoProvisioning", "--node-auto-provisioning", "node auto-provisioning (Karpenter) manages the nodes"],
  ["staticEgressGateway", "--static-egress-gateway", "static egress gateway pools (fixed egress IPs for pods)"],
  ["applicationGatewayForContainers", "--agc", "Application Gateway for Containers (a /24 subnet of its own)"],
  ["apiServerVnetIntegration", "--api-server-vnet-integration", "API Server VNet Integration (a /28 subnet)"],
  ["automatic", "--automatic", "AKS Automatic (Overlay with Cilium, node auto-provisioning)"],
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
        "\nExamples:\n  aksnet recommend --nodes 20 --max-nodes 100 --pods-per-node 50\n  aksnet recommend --windows " +
          "--network-policy calico --address-space 10.10.0.0/20\n  aksnet recommend aksnet.yaml --emit-plan " +
          "recommended.yaml\n",
      );
  },
  async run({ args, opts, io }) {
    const input:
      Awaited<ReturnType<typeof fromPlan>> | { requirements: Requirements; naming: Naming; version?: undefined } =
      args[0] !== undefined ? await fromPlan(args[0], io) : { requirements: {}, naming: {} };
    const flags = fromFlags(opts);
    const version = opts["kubernetesVersion"] !== undefined ? String(opts["kubernetesVersion"]) : input.version;
    const { recommend, recommendInputOf } = await import("../../../engines/recommend/index.js");
    // A plan's pools give nodes, max pods and surge where its requirements (and the flags) are silent.
    const planInput = "plan" in input ? recommendInputOf(resolvePlan(input.plan), flags as Requirements) : undefined;
    const requirements: Requirements = planInput ? planInput.requirements : { ...input.requirements, ...flags };
    // The engine checks the requirements (one sentence per problem, as data); the CLI only says where they came from.
    const result = recommend({
      requirements,
      ...(version !== undefined ? { kubernetesVersion: version } : {}),
      ...(planInput?.maxSurge ? { maxSurge: planInput.maxSurge } : {}),
      ...(planInput?.fromPlan.length ? { fromPlan: planInput.fromPlan } : {}),
    });
    if ("problems" in result) throw usageErrorOf(result.problems[0]!, flags, opts);
    const r = result;
    const emitted =
      opts["emitPlan"] !== undefined
        ? await (
            await import("./plan-file.js")
          ).emitPlanFile(r, requirements, String(opts["emitPlan"]), input.naming, io)
        : undefined;
    await writeOutput(io, OUTPUT, chooseFormat(OUTPUT, opts["output"]), {
      recommendation: r,
      ...(emitted ? { emitted } : {}),
    });
    return r.ranked.length === 0 ? EXIT.findings : EXIT.ok;
  },
});

export type Naming = { name?: string; resourceGroup?: string; location?: string };

/** The requirements, Kubernetes version and names of a plan file. */
async function fromPlan(
  path: unknown,
  io: Io,
): Promise<{ requirements: Requirements; version?: Plan["kubernetesVersion"]; naming: Naming; plan: Plan }> {
  const { plan } = await readPlanFile(path, io);
  return {
    plan,
    requirements: plan.requirements ?? {},
    ...(plan.kubernetesVersion !== undefined ? { version: plan.kubernetesVersion } : {}),
    naming: {
      ...(plan.name ? { name: plan.name } : {}),
      ...(plan.resourceGroup ? { resourceGroup: plan.resourceGroup } : {}),
      ...(plan.location ? { location: plan.location } : {}),
    },
  };
}

/** The requirements the flags state (they override the plan's); the engine checks them. */
function fromFlags(opts: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ["nodes", "maxNodes", "podsPerNode", "maxPodsPerNode", "networkPolicy"] as const)
    if (opts[k] !== undefined) out[k] = opts[k];
  // Commander names a flag's value after the flag (--agc: agc); the requirement may be named otherwise.
  const attribute = (flag: string) => flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  for (const [k, flag] of BOOLEANS) if (opts[attribute(flag)] !== undefined) out[k] = true;
  if (opts["addressSpace"] !== undefined)
    out["addressSpace"] = String(opts["addressSpace"])
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  return out;
}

/** The flag that sets each requirement. */
const FLAG_OF: Readonly<Record<string, string>> = {
  nodes: "--nodes",
  maxNodes: "--max-nodes",
  podsPerNode: "--pods-per-node",
  maxPodsPerNode: "--max-pods-per-node",
  addressSpace: "--address-space",
};

/** The engine's problem as one sentence naming the flag, or the plan field when the value came from the plan file. */
function usageErrorOf(
  p: InputProblem,
  flags: Readonly<Record<string, unknown>>,
  opts: Readonly<Record<string, unknown>>,
): UsageError {
  const fromFlag = p.input === "kubernetesVersion" ? opts["kubernetesVersion"] !== undefined : p.input in flags;
  // The engine names requirement fields; say them as the user wrote them.
  const say = (text: string) =>
    text.replace(/\b(nodes|maxNodes|podsPerNode|maxPodsPerNode|addressSpace)\b/g, (k) =>
      fromFlag ? (FLAG_OF[k] ?? k) : `requirements.${k}`,
    );
  return new UsageError(`${say(p.message)}; ${say(p.fix)}${fromFlag ? "" : " in the plan file"}`);
}
