/**
 * `aksnet generate --format az|bicep|terraform PLAN`: infrastructure code for a
 * plan on standard output. A plan with error findings is refused (exit 1) unless
 * `--force`: generating code AKS would reject only moves the failure later.
 */
import { Option } from "commander";
import { defineCommand } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { chooseFormat, defineOutput, outputOption } from "../output/formats.js";
import { writeOutput } from "../output/write.js";
import { readPlanFile } from "../plan-input.js";
import { readFleetInput } from "./fleet-input.js";
import { runFleetGenerate } from "./fleet-run.js";
import { generateJson, type Generated } from "./json.js";

const OUTPUT = defineOutput<Generated>({
  formatters: { text: () => import("./text.js"), markdown: () => import("./markdown.js") },
  kind: "GenerateReport",
  data: generateJson,
});

export default defineCommand({
  configure(cmd) {
    cmd
      .argument(
        "<inputs...>",
        "plan file (aksnet YAML/JSON), or az aks show / ARM / terraform show -json, plus az network vnet show JSON " +
          "for its VNet",
      )
      .addOption(
        new Option("-f, --format <format>", "what to generate")
          .choices(["az", "bicep", "terraform"])
          .makeOptionMandatory(),
      )
      .addOption(outputOption(OUTPUT))
      .addOption(
        new Option(
          "--vnet <mode>",
          "create the plan's VNet and subnets, or reference existing ones (default: create for an aksnet plan, " +
            "existing for cluster JSON)",
        ).choices(["create", "existing"]),
      )
      .option(
        "--ipam-pool <id>",
        "take the VNet's and subnets' addresses from this Virtual Network Manager IPAM pool (resource ID), " +
          "by the size of their planned CIDRs (for a fleet: every cluster, over the fleet file's ipamPool)",
      )
      .addOption(
        new Option(
          "--ipam-pool-scope <scope>",
          "with an IPAM pool: vnetAndSubnets (default: the VNet and each subnet ask the pool) or vnetOnly (the VNet " +
            "asks the pool, its subnets take explicit prefixes inside its range, as the Azure Verified Modules advise)",
        ).choices(["vnetAndSubnets", "vnetOnly"]),
      )
      .option("--force", "generate even when the plan has error findings")
      .option(
        "--out-dir <dir>",
        "a fleet file: write the generated files (main.tf and modules/…, main.bicep and modules/…) there",
      )
      .addHelpText(
        "after",
        "\nExamples:\n  aksnet generate --format az aksnet.yaml > create-cluster.sh\n  aksnet generate --format " +
          "bicep aksnet.yaml > main.bicep\n  aksnet generate --format terraform aksnet.yaml > main.tf\n  aksnet " +
          "generate --format terraform fleet.yaml --out-dir infra/   (a fleet: modules with for_each)\n",
      );
  },
  async run({ args, opts, io }) {
    const paths = (args[0] as string[]) ?? [];
    const fleet = await readFleetInput(paths, io);
    if (fleet)
      return runFleetGenerate(
        fleet,
        {
          format: opts["format"] as "az" | "bicep" | "terraform",
          outDir: opts["outDir"] as string | undefined,
          output: opts["output"] as string | undefined,
          force: opts["force"] === true,
          existingVnet: opts["vnet"] !== undefined ? opts["vnet"] === "existing" : undefined,
          ipamPool: opts["ipamPool"] as string | undefined,
          ipamPoolScope: opts["ipamPoolScope"] as "vnetAndSubnets" | "vnetOnly" | undefined,
        },
        io,
      );
    if (opts["outDir"] !== undefined)
      throw new UsageError(
        `--out-dir is for a fleet file (kind: FleetPlan); a cluster plan's code goes to standard output`,
      );
    const { plan, loaded } = await readPlanFile(paths, io);
    const existingVnet =
      opts["vnet"] !== undefined ? opts["vnet"] === "existing" : loaded.formats.some((f) => f !== "aksnet");
    const [{ generate, formatName }, { validate }] = await Promise.all([
      import("../../generate/index.js"),
      import("../../../engines/validate/index.js"),
    ]);
    const errors = validate(plan).filter((f) => f.severity === "error");
    if (errors.length > 0 && !opts["force"]) {
      io.err(
        `aksnet generate: ${paths.join(" ")} has ${errors.length} error finding${errors.length === 1 ? "" : "s"}, ` +
          `first: ${errors[0]?.message} Run aksnet check ${paths.join(" ")}, or pass --force.\n`,
      );
      return EXIT.findings;
    }
    const format = opts["format"] as "az" | "bicep" | "terraform";
    const r = generate(plan, format, {
      existingVnet,
      ipamPool: opts["ipamPool"] as string | undefined,
      ipamPoolScope: opts["ipamPoolScope"] as "vnetAndSubnets" | "vnetOnly" | undefined,
    });
    if (!r.ok) {
      const p = r.problems[0]!;
      const rest = r.problems.length - 1;
      const more = rest > 0 ? ` (and ${rest} more value${rest === 1 ? "" : "s"} refused)` : "";
      const how = p.format !== undefined ? `as ${formatName(p.format)}` : "safely";
      throw new UsageError(
        `${paths.join(" ")}: ${p.path} ${JSON.stringify(p.value)} cannot be written ${how}: ${p.reason}${more}`,
      );
    }
    await writeOutput(io, OUTPUT, chooseFormat(OUTPUT, opts["output"]), r);
    return EXIT.ok;
  },
});
