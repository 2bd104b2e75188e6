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
  parseMaxPods,
  parseModels,
  parsePrefixFlag,
  parseSurge,
} from "../flags.js";
import { defineCommand } from "../command.js";
import { EXIT } from "../errors.js";
import { chooseFormat, defineOutput, outputOption } from "../output/formats.js";
import { writeOutput } from "../output/write.js";

const OUTPUT = defineOutput<CompareResult>({
  formatters: { table: () => import("./table.js"), markdown: () => import("./markdown.js") },
  data: (r) => r,
});

const EXAMPLES = `
Examples:
  aksnet compare                                   # a /24 node subnet, every model
  aksnet compare --subnet 10.224.0.0/22 --max-pods 50
  aksnet compare --pod-cidr 10.244.0.0/18 --surge 33%
  aksnet compare --pod-subnet 10.225.0.0/20 -o markdown
  aksnet compare --kubernetes-version 1.27 -o json  # 1 node of surge (before 1.28)
`;

export default defineCommand({
  configure(cmd) {
    cmd
      .option("--subnet <cidr>", "node subnet (default 10.224.0.0/24, the /24 of Microsoft's examples)")
      .option("--pod-cidr <cidr>", "pod CIDR for kubenet and Overlay (default 10.244.0.0/16)")
      .option("--pod-subnet <cidr>", "pod subnet for the pod-subnet models (default: large enough)")
      .option("--max-pods <n>", "max pods per node for every model (default: each model's default)")
      .option("--surge <n|p%>", "max surge: nodes or a percentage; 0 for none (default: 10%; 1 before Kubernetes 1.28)")
      .option("--kubernetes-version <v>", "Kubernetes version, decides the default surge")
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
      kubernetesVersion: parseKubernetesVersionFlag(opts["kubernetesVersion"]),
      reserved: parseCount("--reserved", opts["reserved"]),
      models: parseModels(opts["model"]),
    });
    await writeOutput(io, OUTPUT, chooseFormat(OUTPUT, opts["output"]), result);
    return EXIT.ok;
  },
});
