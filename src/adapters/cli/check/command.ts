/**
 * `aksnet check FILE… [-o text|json|yaml|markdown|sarif] [--show-resolved]`: validates a plan
 * (or az aks show / ARM / az network vnet / terraform show -json, several files
 * merged into one plan). Exit 0 clean (warnings allowed), 1 error findings,
 * 2 unreadable input.
 */
import { defineCommand } from "../command.js";
import { EXIT } from "../errors.js";
import { chooseFormat, defineOutput, outputOption } from "../output/formats.js";
import { writeOutput } from "../output/write.js";
import { checkJson } from "./json.js";
import type { CheckView } from "./report.js";

const OUTPUT = defineOutput<CheckView>({
  formatters: {
    text: () => import("./text.js"),
    markdown: () => import("./markdown.js"),
    sarif: () => import("./sarif.js"),
  },
  data: checkJson,
});

export default defineCommand({
  configure(cmd) {
    cmd
      .argument(
        "<files...>",
        "plan files: aksnet YAML/JSON, az aks show -o json, ARM, az network vnet show/list -o json, terraform show -json; several are merged; - reads standard input",
      )
      .addOption(outputOption(OUTPUT))
      .option("--show-resolved", "also print the plan with every default filled in")
      .addHelpText(
        "after",
        "\nExit codes: 0 no errors (warnings allowed), 1 error findings, 2 unreadable input.\n\nExamples:\n  aksnet check aksnet.yaml\n  aksnet check cluster.json vnet.json          # az aks show + az network vnet show\n  aksnet check -o sarif aksnet.yaml > aksnet.sarif\n  aksnet check --show-resolved aksnet.yaml\n  az aks show -g rg -n aks -o json | aksnet check -\n",
      );
  },
  async run({ args, opts, io }) {
    const [{ loadPlanArgs }, { buildReport }] = await Promise.all([import("../plan-input.js"), import("./build.js")]);
    const loaded = await loadPlanArgs(args[0], io, "give the plan file to check, e.g. aksnet check aksnet.yaml");
    const report = buildReport(loaded);
    const showResolved = Boolean(opts["showResolved"]);
    await writeOutput(io, OUTPUT, chooseFormat(OUTPUT, opts["output"]), { report, showResolved });
    return report.summary.errors > 0 ? EXIT.findings : EXIT.ok;
  },
});
