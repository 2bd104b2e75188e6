/**
 * `aksnet migrate PLAN|CLUSTER-JSON --to overlay|cilium`: blockers, checks, the
 * pod CIDR and the ordered `az aks update` steps. Exit 1 when a blocker stops the move.
 */
import { resolve } from "node:path";
import { Option } from "commander";
import type { ClusterFacts } from "../../../engines/migrate/index.js";
import { defineCommand } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { chooseFormat, defineOutput, outputOption } from "../output/formats.js";
import { writeOutput } from "../output/write.js";
import { readPlanFile } from "../plan-input.js";
import { migrationJson } from "./migration-text.js";
import type { MigrateView } from "./view.js";
import { readInputFile } from "../read-input.js";

const OUTPUT = defineOutput<MigrateView>({
  formatters: { table: () => import("./table.js"), markdown: () => import("./markdown.js") },
  kind: "MigrateReport",
  data: (v) => migrationJson(v.migration, v.cluster),
});

/** Facts an `az aks show` / ARM document states about the cluster beyond the plan. */
async function factsFromJson(path: string, cwd: string): Promise<ClusterFacts> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readInputFile(resolve(cwd, path)));
  } catch {
    return {};
  }
  if (doc === null || typeof doc !== "object") return {};
  const o = doc as Record<string, unknown>;
  const props = (typeof o["properties"] === "object" && o["properties"] !== null ? o["properties"] : o) as Record<
    string,
    unknown
  >;
  const identity = (o["identity"] as Record<string, unknown> | undefined)?.["type"];
  const nap = (props["nodeProvisioningProfile"] as Record<string, unknown> | undefined)?.["mode"];
  const sp = (props["servicePrincipalProfile"] as Record<string, unknown> | undefined)?.["clientId"];
  return {
    ...(identity === "SystemAssigned" || identity === "UserAssigned"
      ? { identity }
      : sp !== undefined && sp !== "msi" && identity === undefined
        ? { identity: "ServicePrincipal" as const }
        : {}),
    ...(typeof nap === "string" ? { nodeAutoProvisioning: nap.toLowerCase() === "auto" } : {}),
  };
}

const IDENTITY = { system: "SystemAssigned", user: "UserAssigned", sp: "ServicePrincipal" } as const;

export default defineCommand({
  configure(cmd) {
    cmd
      .argument(
        "<inputs...>",
        "plan file, or az aks show / ARM JSON of the cluster (plus az network vnet show JSON for its VNet)",
      )
      .addOption(new Option("--to <target>", "where to move").choices(["overlay", "cilium"]).makeOptionMandatory())
      .option(
        "--pod-cidr <cidr>",
        "the Overlay pod CIDR to use (default: kept from kubenet when it fits, else the first free range)",
      )
      .addOption(
        new Option("--identity <kind>", "the cluster identity, when the input does not say").choices([
          "system",
          "user",
          "sp",
        ]),
      )
      .addOption(
        new Option("--ip-masq-agent <config>", "whether a custom azure-ip-masq-agent config exists").choices([
          "custom",
          "default",
        ]),
      )
      .addOption(
        new Option("--node-auto-provisioning <state>", "whether node auto-provisioning is on").choices(["on", "off"]),
      )
      .addOption(outputOption(OUTPUT))
      .addHelpText(
        "after",
        "\nExamples:\n  aksnet migrate aksnet.yaml --to overlay\n  az aks show -g rg -n aks -o json > cluster.json " +
          "&& aksnet migrate cluster.json --to cilium\n",
      );
  },
  async run({ args, opts, io }) {
    const paths = (args[0] as string[]) ?? [];
    const { plan } = await readPlanFile(paths, io);
    const [{ resolvePlan }, { planMigration }] = await Promise.all([
      import("../../../engines/plan/index.js"),
      import("../../../engines/migrate/index.js"),
    ]);
    let fromJson: ClusterFacts = {};
    for (const p of paths) if (p.endsWith(".json")) fromJson = { ...fromJson, ...(await factsFromJson(p, io.cwd)) };
    const facts: ClusterFacts = {
      ...fromJson,
      ...(opts["identity"] !== undefined ? { identity: IDENTITY[opts["identity"] as keyof typeof IDENTITY] } : {}),
      ...(opts["ipMasqAgent"] !== undefined ? { customIpMasqAgent: opts["ipMasqAgent"] === "custom" } : {}),
      ...(opts["nodeAutoProvisioning"] !== undefined
        ? { nodeAutoProvisioning: opts["nodeAutoProvisioning"] === "on" }
        : {}),
    };
    // The engine checks the options; its problem names the option, which the CLI says as the flag.
    const m = planMigration(resolvePlan(plan), {
      to: opts["to"] as "overlay" | "cilium",
      ...(opts["podCidr"] !== undefined ? { podCidr: String(opts["podCidr"]) } : {}),
      facts,
    });
    if ("problems" in m) {
      const p = m.problems[0]!;
      const said =
        p.input === "podCidr" ? p.message.replace(/^pod CIDR /, "--pod-cidr ") : `--${p.input}: ${p.message}`;
      throw new UsageError(`${said}; ${p.fix}`);
    }
    const cluster = { name: plan.name ?? "<cluster-name>", resourceGroup: plan.resourceGroup ?? "<resource-group>" };
    await writeOutput(io, OUTPUT, chooseFormat(OUTPUT, opts["output"]), { migration: m, cluster });
    return m.status === "blocked" ? EXIT.findings : EXIT.ok;
  },
});
