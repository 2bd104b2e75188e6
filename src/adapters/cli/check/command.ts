/**
 * `aksnet check FILE… [-o text|json|yaml|markdown|sarif] [--show-resolved]`: validates a plan
 * (or az aks show / ARM / az network vnet / terraform show -json, several files
 * merged into one plan). The project's config (aksnet.config.yaml), inline
 * `# aksnet-ignore` comments and `--baseline` decide what is reported
 * (docs/ci.md). Exit 0 nothing at the --fail-on level (default error), 1 some
 * finding is, 2 unreadable input.
 */
import { defineCommand } from "../command.js";
import { EXIT } from "../errors.js";
import { chooseFormat, defineOutput, outputOption } from "../output/formats.js";
import { writeOutput } from "../output/write.js";
import { failOnOption } from "../policy/fail-on.js";
import { failsAt, type FailOn } from "../policy/levels.js";
import { checkJson } from "./json.js";
import type { CheckView } from "./report.js";

const OUTPUT = defineOutput<CheckView>({
  formatters: {
    text: () => import("./text.js"),
    markdown: () => import("./markdown.js"),
    sarif: () => import("./sarif.js"),
  },
  kind: "CheckReport",
  data: checkJson,
});

export default defineCommand({
  configure(cmd) {
    cmd
      .argument(
        "<files...>",
        "plan files: aksnet YAML/JSON, az aks show -o json, ARM, az network vnet show/list -o json, " +
          "terraform show -json; several are merged; - reads standard input",
      )
      .addOption(outputOption(OUTPUT))
      .option("--show-resolved", "also print the plan with every default filled in")
      .option(
        "--as-of <day>",
        "judge kubernetesVersion against AKS's support calendar on this day (YYYY-MM-DD, or today); without it the " +
          "version's support is not checked",
      )
      .addOption(failOnOption())
      .option("--config <file>", "the project config (default: the nearest aksnet.config.yaml up from here)")
      .option("--no-config", "ignore any aksnet.config.yaml")
      .option(
        "--baseline <file>",
        "a saved aksnet check -o json (or -o sarif): report only findings not in it (the others are suppressed)",
      )
      .addHelpText(
        "after",
        "\nExit codes: 0 nothing at the --fail-on level (default error: warnings allowed), 1 findings at it, 2 " +
          "unreadable input.\n\nExamples:\n  aksnet check aksnet.yaml\n  aksnet check cluster.json " +
          "vnet.json          # az aks show + az network vnet show\n  aksnet check -o sarif aksnet.yaml > " +
          "aksnet.sarif\n  aksnet check --fail-on warning plans/*.yaml\n  aksnet check -o json aksnet.yaml > " +
          "baseline.json; aksnet check --baseline baseline.json aksnet.yaml\n  aksnet check --show-resolved " +
          "aksnet.yaml\n  aksnet check --as-of today aksnet.yaml   # also: is kubernetesVersion still supported?\n  " +
          "az aks show -g rg -n aks -o json | aksnet check -\n",
      );
  },
  async run({ args, opts, io }) {
    const [{ loadPlanArgs }, { buildReport }, { withPolicy }, { parseAsOf }] = await Promise.all([
      import("../plan-input.js"),
      import("./build.js"),
      import("./policy.js"),
      import("./as-of.js"),
    ]);
    const asOfText = opts["asOf"] as string | undefined;
    const asOf = asOfText === undefined ? undefined : parseAsOf(asOfText);
    const loaded = await loadPlanArgs(args[0], io, "give the plan file to check, e.g. aksnet check aksnet.yaml");
    const { report, failOn } = await withPolicy(buildReport(loaded, asOf), loaded.sources, {
      config: opts["config"] as string | false | undefined,
      baseline: opts["baseline"] as string | undefined,
      failOn: opts["failOn"] as FailOn | undefined,
      cwd: io.cwd,
    });
    const showResolved = Boolean(opts["showResolved"]);
    await writeOutput(io, OUTPUT, chooseFormat(OUTPUT, opts["output"]), { report, showResolved });
    return report.findings.some((f) => failsAt(failOn, f.severity)) ? EXIT.findings : EXIT.ok;
  },
});
