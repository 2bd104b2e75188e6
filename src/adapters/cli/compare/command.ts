/**
 * `aksnet compare`: one node subnet (default: the /24 of Microsoft's examples)
 * under every network model and dataplane, side by side. Imports only the
 * engine, the KB and the formatters, so it answers fast.
 */
import { compare } from "../../../engines/capacity/index.js";
import type { CompareResult } from "../../../engines/capacity/index.js";
import {
  parseCount,
  parseKubernetesVersionFlag,
  inFlagWords,
  parseMaxPods,
  parseMaxUnavailable,
  parseModels,
  parsePrefixFlag,
  parseSurge,
  parseTier,
} from "../flags.js";
import { defineCommand } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { chooseFormat, defineOutput, outputOption } from "../output/formats.js";
import { writeOutput } from "../output/write.js";

const OUTPUT = defineOutput<CompareResult>({
  formatters: { table: () => import("./table.js"), markdown: () => import("./markdown.js") },
  kind: "CompareReport",
  data: (r) => r,
});

const EXAMPLES = `
Examples:
  aksnet compare                                   # a /24 node subnet, every model
  aksnet compare --subnet 10.224.0.0/22 --max-pods 50
  aksnet compare --pod-cidr 10.244.0.0/18 --surge 33%
  aksnet compare --pod-subnet 10.225.0.0/20 -o markdown
  aksnet compare --kubernetes-version 1.27 -o json  # 1 node of surge (before 1.28)
  aksnet compare --subnet 10.224.0.0/16 --tier Standard  # up to 5,000 nodes (Free: 1,000)
`;

export default defineCommand({
  configure(cmd) {
    cmd
      .option("--subnet <cidr>", "node subnet (default 10.224.0.0/24, the /24 of Microsoft's examples)")
      .option("--pod-cidr <cidr>", "pod CIDR for kubenet and Overlay (default 10.244.0.0/16)")
      .option("--pod-subnet <cidr>", "pod subnet for the pod-subnet models (default: large enough)")
      .option("--max-pods <n>", "max pods per node for every model (default: each model's default)")
      .option("--surge <n|p%>", "max surge: nodes or a percentage; 0 for none (default: 10%; 1 before Kubernetes 1.28)")
      .option("--max-unavailable <n|p%>", "nodes upgraded in place at a time (with --surge 0: no surge addresses)")
      .option("--kubernetes-version <v>", "Kubernetes version: decides the default surge and the 1.35 surge fallback")
      .option("--tier <tier>", "pricing tier: Free (1,000 nodes; the API default), Standard or Premium (5,000)")
      .option("--reserved <n>", "node-subnet addresses other tenants take (load balancers, private endpoints)")
      .option("--model <ids>", "only these models, comma-separated")
      .addOption(outputOption(OUTPUT))
      .addHelpText("after", EXAMPLES);
  },
  async run({ opts, io }) {
    const result = compare({
      nodeSubnet: parsePrefixFlag("--subnet", opts["subnet"], "subnet"),
      podCidr: parsePrefixFlag("--pod-cidr", opts["podCidr"], "range"),
      podSubnet: parsePrefixFlag("--pod-subnet", opts["podSubnet"], "subnet"),
      maxPods: parseMaxPods(opts["maxPods"]),
      maxSurge: parseSurge(opts["surge"]),
      maxUnavailable: parseMaxUnavailable(opts["maxUnavailable"]),
      tier: parseTier(opts["tier"]),
      kubernetesVersion: parseKubernetesVersionFlag(opts["kubernetesVersion"]),
      reserved: parseCount("--reserved", opts["reserved"]),
      models: parseModels(opts["model"]),
    });
    const error = result.problems.find((p) => p.severity === "error");
    if (error) throw new UsageError(inFlagWords(error, { maxPods: { flag: "--max-pods", text: opts["maxPods"] } }));
    await writeOutput(io, OUTPUT, chooseFormat(OUTPUT, opts["output"]), result);
    return EXIT.ok;
  },
});
