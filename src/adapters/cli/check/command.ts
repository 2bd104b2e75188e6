/**
 * `aksnet check FILE… [-o text|json|sarif] [--show-resolved]`: validates a plan
 * (or az aks show / ARM / az network vnet / terraform show -json, several files
 * merged into one plan). Exit 0 clean (warnings allowed), 1 error findings,
 * 2 unreadable input.
 */
import { Option } from "commander";
import { defineCommand } from "../command.js";
import { EXIT } from "../errors.js";
import { colorEnabled } from "../io.js";

export default defineCommand({
  configure(cmd) {
    cmd
      .argument(
        "<files...>",
        "plan files: aksnet YAML/JSON, az aks show -o json, ARM, az network vnet show/list -o json, terraform show -json; several are merged; - reads standard input",
      )
      .addOption(
        new Option("-o, --output <format>", "output format")
          .choices(["text", "table", "json", "sarif"])
          .default("text"),
      )
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
    const format = String(opts["output"]);
    if (format === "json") await io.out((await import("./json.js")).renderCheckJson(report, { showResolved }));
    else if (format === "sarif") await io.out((await import("./sarif.js")).renderSarif(report));
    else await io.out((await import("./text.js")).renderText(report, { color: colorEnabled(io), showResolved }));
    return report.summary.errors > 0 ? EXIT.findings : EXIT.ok;
  },
});
