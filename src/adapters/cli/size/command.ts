/**
 * `aksnet size`: for a target (nodes or autoscaler maximum, max pods, surge,
 * pools, other tenants), the smallest node subnet, pod subnet and pod CIDR
 * each model needs.
 */
import { size, type SizePool, type SizeResult } from "../../../engines/capacity/index.js";
import { parseCount, parseKubernetesVersionFlag, parseMaxPods, parseModels, parseNodes, parseSurge } from "../flags.js";
import { defineCommand } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { chooseFormat, defineOutput, outputOption } from "../output/formats.js";
import { writeOutput } from "../output/write.js";

const OUTPUT = defineOutput<SizeResult>({
  formatters: { table: () => import("./table.js"), markdown: () => import("./markdown.js") },
  data: (r) => r,
});

const EXAMPLES = `
Examples:
  aksnet size --nodes 50 --max-pods 30 --surge 1      # Microsoft's example: 1,581 addresses, a /21
  aksnet size --nodes 1000 --max-pods 200 --model azure-cni-overlay
  aksnet size --nodes 3 --max-count 20 --max-pods 110 --ilb 2 --private-endpoints 1
  aksnet size --pools examples/pools.yaml -o markdown
`;

export default defineCommand({
  configure(cmd) {
    cmd
      .option("--nodes <n>", "nodes in the pool (its count)")
      .option("--max-count <n>", "autoscaler maximum; AKS reserves addresses for it up front")
      .option("--max-pods <n>", "max pods per node (default: each model's default)")
      .option("--surge <n|p%>", "max surge: nodes or a percentage; 0 for none (default: 10%; 1 before Kubernetes 1.28)")
      .option(
        "--pools <file>",
        "YAML or JSON node pools (name, count, minCount, maxCount, maxPods, maxSurge) or a plan file",
      )
      .option("--model <ids>", "only these models, comma-separated")
      .option("--ilb <n>", "internal load balancer IPs in the node subnet")
      .option("--private-endpoints <n>", "private endpoints in the node subnet")
      .option("--kubernetes-version <v>", "Kubernetes version, decides the default surge")
      .addOption(outputOption(OUTPUT))
      .addHelpText("after", EXAMPLES);
  },
  async run({ opts, io }) {
    const nodes = parseNodes("--nodes", opts["nodes"]);
    const maxCount = parseNodes("--max-count", opts["maxCount"]);
    const maxPods = parseMaxPods(opts["maxPods"]);
    const surge = parseSurge(opts["surge"]);
    let pools: SizePool[];
    if (opts["pools"] !== undefined) {
      if (nodes !== undefined || maxCount !== undefined)
        throw new UsageError(
          "give either --pools or --nodes/--max-count, not both; the pools file holds each pool's nodes",
        );
      // Loaded only for --pools: the YAML parser and the plan schema cost more start-up than the whole sizing.
      const { readPoolsFile } = await import("./pools-file.js");
      pools = (await readPoolsFile(String(opts["pools"]), io.cwd)).map((p) => ({
        ...p,
        maxPods: p.maxPods ?? maxPods,
        maxSurge: p.maxSurge ?? surge,
      }));
    } else {
      if (nodes === undefined && maxCount === undefined)
        throw new UsageError(
          "say how many nodes to plan for: --nodes N (or --max-count N with the autoscaler, or --pools FILE)",
        );
      if (nodes !== undefined && maxCount !== undefined && maxCount < nodes)
        throw new UsageError(
          `--max-count ${maxCount} is below --nodes ${nodes}; the autoscaler maximum must be at least the node count`,
        );
      pools = [{ name: "default", nodes: maxCount ?? nodes ?? 0, maxPods, maxSurge: surge }];
    }
    const result = size({
      pools,
      models: parseModels(opts["model"]),
      kubernetesVersion: parseKubernetesVersionFlag(opts["kubernetesVersion"]),
      tenants: {
        internalLoadBalancerIps: parseCount("--ilb", opts["ilb"]),
        privateEndpoints: parseCount("--private-endpoints", opts["privateEndpoints"]),
      },
    });
    await writeOutput(io, OUTPUT, chooseFormat(OUTPUT, opts["output"]), result);
    return EXIT.ok;
  },
});
