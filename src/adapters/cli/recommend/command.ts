/**
 * `aksnet recommend [PLAN] [requirement flags]`: ranks every network model for
 * the requirements (flags override the plan's `requirements` section), with the
 * reasons; `--emit-plan FILE` writes the winner's plan, sized by the capacity engine.
 */
import { rename, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { InvalidArgumentError, Option } from "commander";
import type { Requirements } from "../../../engines/plan/index.js";
import { defineCommand } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { renderJson } from "../output/json.js";
import { readPlanFile } from "../plan-input.js";
import { colorEnabled } from "../io.js";

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
      .addOption(
        new Option("-o, --output <format>", "output format").choices(["table", "json", "markdown"]).default("table"),
      )
      .addHelpText(
        "after",
        "\nExamples:\n  aksnet recommend --nodes 20 --max-nodes 100 --pods-per-node 50\n  aksnet recommend --windows --network-policy calico --address-space 10.10.0.0/20\n  aksnet recommend aksnet.yaml --emit-plan recommended.yaml\n",
      );
  },
  async run({ args, opts, io }) {
    let requirements: Requirements = {};
    let version: string | number | undefined;
    let naming: { name?: string; resourceGroup?: string; location?: string } = {};
    if (args[0] !== undefined) {
      const { plan } = await readPlanFile(args[0], io);
      requirements = plan.requirements ?? {};
      version = plan.kubernetesVersion;
      naming = {
        ...(plan.name ? { name: plan.name } : {}),
        ...(plan.resourceGroup ? { resourceGroup: plan.resourceGroup } : {}),
        ...(plan.location ? { location: plan.location } : {}),
      };
    }
    const { tryParsePrefix } = await import("../../../ip/index.js");
    const fromFlags: Record<string, unknown> = {};
    for (const k of ["nodes", "maxNodes", "podsPerNode", "maxPodsPerNode", "networkPolicy"] as const)
      if (opts[k] !== undefined) fromFlags[k] = opts[k];
    for (const [k] of BOOLEANS) if (opts[k] !== undefined) fromFlags[k] = true;
    if (opts["addressSpace"] !== undefined) {
      const cidrs = String(opts["addressSpace"])
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      for (const c of cidrs) {
        const r = tryParsePrefix(c);
        if (!r.ok)
          throw new UsageError(
            `--address-space ${JSON.stringify(c)}: ${r.error.reason}; give CIDRs such as 10.10.0.0/16`,
          );
        if (r.value.addr.family !== 4)
          throw new UsageError(
            `--address-space ${c} is IPv6; give the IPv4 space (dual-stack VNets get their IPv6 /64s per subnet)`,
          );
      }
      fromFlags["addressSpace"] = cidrs;
    }
    requirements = { ...requirements, ...fromFlags };
    if (opts["kubernetesVersion"] !== undefined) version = String(opts["kubernetesVersion"]);
    for (const c of requirements.addressSpace ?? []) {
      const r = tryParsePrefix(c);
      if (!r.ok)
        throw new UsageError(`requirements.addressSpace ${JSON.stringify(c)}: ${r.error.reason}; fix the plan file`);
    }
    if (
      requirements.nodes !== undefined &&
      requirements.maxNodes !== undefined &&
      requirements.maxNodes < requirements.nodes
    )
      throw new UsageError(
        `max nodes ${requirements.maxNodes} is below nodes ${requirements.nodes}; give --max-nodes at least --nodes`,
      );
    if (requirements.maxNodes === 0 || requirements.nodes === 0)
      throw new UsageError("a cluster's System pool needs at least one node; give --nodes 1 or more");
    if (
      requirements.podsPerNode !== undefined &&
      requirements.maxPodsPerNode !== undefined &&
      requirements.podsPerNode > requirements.maxPodsPerNode
    )
      throw new UsageError(
        `pods per node ${requirements.podsPerNode} is above max pods per node ${requirements.maxPodsPerNode}; raise --max-pods-per-node or lower --pods-per-node`,
      );
    const { tryParseKubernetesVersion } = await import("../../../kb/index.js");
    if (version !== undefined && !tryParseKubernetesVersion(version))
      throw new UsageError(
        `Kubernetes version ${JSON.stringify(version)} is not like 1.33; give --kubernetes-version 1.33`,
      );

    const [
      { recommend, emitPlan, candidateTitle },
      { renderRecommendationText, renderRecommendationMarkdown, recommendationJson },
    ] = await Promise.all([import("../../../engines/recommend/index.js"), import("./render.js")]);
    const r = recommend({ requirements, ...(version !== undefined ? { kubernetesVersion: version } : {}) });
    let emitted: { file: string; candidate: string } | undefined;
    const best = r.ranked[0];
    if (opts["emitPlan"] !== undefined && best) {
      const e = emitPlan(best, r.target, naming);
      if ("problem" in e)
        throw new UsageError(`cannot emit a plan for ${best.title}: ${e.problem}; widen --address-space`);
      const { stringify } = await import("yaml");
      const file = String(opts["emitPlan"]);
      const path = resolve(io.cwd, file);
      const tmp = `${path}.${process.pid}.tmp`;
      const header =
        `# Recommended by aksnet: ${candidateTitle(best)}.\n# Requirements: ${(await import("./render.js")).describeTarget(r)}.\n` +
        "# Subnets are the smallest that hold the peak node count with surge: widen them for growth, internal load balancers or more pools.\n";
      try {
        await writeFile(tmp, header + stringify({ ...e.plan, requirements }), "utf8");
        await rename(tmp, path);
      } catch (err) {
        throw new UsageError(
          `cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? "error"}; give a writable path for --emit-plan`,
        );
      }
      emitted = { file, candidate: best.id };
    }
    if (opts["output"] === "json") await io.out(renderJson(recommendationJson(r, emitted)));
    else if (opts["output"] === "markdown") await io.out(renderRecommendationMarkdown(r));
    else {
      await io.out(renderRecommendationText(r, { color: colorEnabled(io), details: 3 }));
      if (emitted)
        await io.out(
          `\nWrote the plan for ${best?.title} to ${emitted.file}; check it with: aksnet check ${emitted.file}\n`,
        );
    }
    return r.ranked.length === 0 ? EXIT.findings : EXIT.ok;
  },
});
