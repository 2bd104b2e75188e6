/**
 * `aksnet inspect`: a live cluster (kubeconfig) or offline dumps → model,
 * dataplane, evidence, per-node use, address use and headroom. Also runs as
 * the kubectl plugin `kubectl aksnet inspect` (same executable, same argv).
 */
import { formatCount } from "../../../kb/index.js";
import { resolve } from "node:path";
import type { Command } from "commander";
import { defineCommand } from "../command.js";
import type { Io } from "../io.js";
import { EXIT, UsageError } from "../errors.js";
import { chooseFormat, defineOutput, outputOption } from "../output/formats.js";
import { jsonData } from "../output/json.js";
import { writeOutput } from "../output/write.js";
import { failOnOption } from "../policy/fail-on.js";
import { failsAt } from "../policy/levels.js";
import { suppressedJson } from "../policy/resource-json.js";
import { ConfiguredError, loadConfiguration, type ConfigurationFiles } from "./configuration-files.js";
import type { InlinePolicy } from "./inline-policy.js";
import type { InspectView } from "./view.js";
import { DumpError, readDumps } from "../../inspect/index.js";
import type { AzureRead } from "../scan/azure-side.js";
import {
  inspectReport,
  type InspectReport,
  type LoadedConfiguration,
  type ClusterSnapshot,
  type ReportSource,
} from "../../../engines/inspect/index.js";
import { readFailure, readInputFile } from "../read-input.js";

const OUTPUT = defineOutput<InspectView>({
  formatters: {
    table: () => import("./table.js"),
    markdown: () => import("./markdown.js"),
    sarif: () => import("./sarif.js"),
  },
  // Absent values are null in JSON, so every documented field is always present.
  kind: "InspectReport",
  data: (v) => jsonData({ ...v.report, suppressed: suppressedJson(v.policy?.suppressed ?? []) }),
});

/** A whole number from 1 to `max`, or a usage error naming the flag and the range. */
function wholeNumber(name: string, max: number, unit: string) {
  return (v: string) => {
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max)
      throw new UsageError(`${name} must be a whole number from 1 to ${formatCount(max)}${unit}, got "${v}".`);
    return Number(v);
  };
}

/** Node's timers take at most 2^31 − 1 ms; a longer --timeout would fire at once. */
const MAX_TIMEOUT_S = Math.floor((2 ** 31 - 1) / 1000);

async function loadConfigurationFiles(
  paths: { flag: string; path: string }[],
  cwd: string,
): Promise<ConfigurationFiles | undefined> {
  if (paths.length === 0) return undefined;
  const files = [];
  for (const { flag, path } of paths) {
    try {
      files.push({ text: await readInputFile(resolve(cwd, path)), fileName: path });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(
        `cannot read ${flag} ${path}: ` +
          `${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : readFailure(e)}; ` +
          `give ${flag === "--plan" ? "an aksnet plan (aksnet.yaml)" : "the output of az aks show -o json"}.`,
      );
    }
  }
  try {
    return loadConfiguration(files);
  } catch (e) {
    if (e instanceof ConfiguredError) throw new UsageError(e.message.replace(/\.$/, "") + ".");
    throw e;
  }
}

/** Reads the cluster: the dump files, or the live cluster the kubeconfig names. */
async function readCluster(
  opts: Readonly<Record<string, unknown>>,
  io: Io,
  dumps: readonly string[],
): Promise<{ snapshot: ClusterSnapshot; source: ReportSource }> {
  let snapshot: ClusterSnapshot;
  let source: ReportSource;
  if (dumps.length) {
    try {
      if (dumps.filter((d) => d === "-").length > 1)
        throw new UsageError("--from-dump names standard input (-) more than once; give it once.");
      snapshot = await readDumps(
        dumps.map((d) => (d === "-" ? d : resolve(io.cwd, d))),
        { stdin: () => io.stdin() },
      );
    } catch (e) {
      if (e instanceof DumpError) throw new UsageError(e.message.replace(io.cwd + "/", ""));
      throw e;
    }
    source = { kind: "dump", files: dumps };
  } else {
    const { readLive, KubeconfigError, LiveOptionsError } = await import("../../inspect/index.js");
    try {
      const live = await readLive({
        kubeconfig: opts["kubeconfig"] as string | undefined,
        context: opts["context"] as string | undefined,
        env: io.env,
        pageSize: opts["pageSize"] as number,
        timeoutMs: (opts["timeout"] as number) * 1000,
      });
      snapshot = live.snapshot;
      source = { kind: "live", context: live.context, server: live.server };
    } catch (e) {
      if (e instanceof KubeconfigError || e instanceof LiveOptionsError) throw new UsageError(e.message);
      throw e;
    }
    if (snapshot.read.length === 0) {
      const p = snapshot.problems[0];
      throw new UsageError(
        `could not read the cluster ${source.server ?? ""}: ${p ? p.detail : "nothing could be listed"}`.replace(
          / +:/,
          ":",
        ),
      );
    }
  }
  return { snapshot, source };
}

/** The cluster's ARM record as its configuration; undefined when the importers cannot read it (the scan says why). */
function recordConfiguration(azure: AzureRead): LoadedConfiguration | undefined {
  if (azure.record === undefined) return undefined;
  try {
    const text = JSON.stringify(azure.record, null, 2);
    return loadConfiguration([{ text, fileName: `Azure ${azure.side.cluster.id}` }]).configuration;
  } catch (e) {
    if (e instanceof ConfiguredError) return undefined;
    throw e;
  }
}

/** The cluster's Azure side with --azure (live) or --azure-from (files); undefined without either. */
async function readAzureSide(
  opts: Readonly<Record<string, unknown>>,
  io: Io,
  snapshot: ClusterSnapshot,
  id: string | undefined,
  files: readonly string[] | undefined,
): Promise<AzureRead | undefined> {
  if (!opts["azure"] && !files) return undefined;
  const { azureTarget, azureSideOf, azureSideFromFiles } = await import("../scan/azure-side.js");
  const target = azureTarget(id, snapshot);
  if (files) return azureSideFromFiles(target, files, io);
  return azureSideOf(target, io, {
    endpoint: String(opts["armEndpoint"]),
    timeoutSeconds: opts["timeout"] as number,
  });
}

/** The project's policy on the report's findings: the config, the baseline, --fail-on (docs/ci.md). */
/** The `# aksnet-ignore` comments of the configuration file, when it has any (loaded only then). */
async function inlineComments(report: InspectReport, configured: ConfigurationFiles | undefined, cwd: string) {
  if (!configured?.sources.some((f) => f.text.includes("aksnet-ignore"))) return undefined;
  const { inlinePolicy } = await import("./inline-policy.js");
  return inlinePolicy(report, configured.sources, configured.locate, knownRules, cwd);
}

async function inspectPolicy(
  report: InspectReport,
  opts: Readonly<Record<string, unknown>>,
  cwd: string,
  inline: InlinePolicy["suppress"] | undefined,
) {
  const [{ inspectFindings }, { resourceProjectPolicy }, { policyFlags }] = await Promise.all([
    import("../policy/resource-findings.js"),
    import("../policy/resource-project.js"),
    import("../policy/project.js"),
  ]);
  return resourceProjectPolicy(inspectFindings(report), policyFlags(opts, cwd), knownRules, "aksnet inspect", inline);
}

/** The rule ids a project config may name: check's rules load only when there is a config to read. */
const knownRules = () => import("../check/policy.js").then((m) => m.configRuleIds());

const HELP_AFTER = `
Reads only: list of nodes, pods, DaemonSets and NodeNetworkConfigs (docs/inspect.md has the ClusterRole).
With --azure, Azure credentials as for aksnet scan (DefaultAzureCredential, or AKSNET_AZURE_ACCESS_TOKEN);
Reader is enough.
Exit codes: 0 ok, 1 a headroom check fails (Azure's included), or a drift or check finding is at the
--fail-on level (default error), 2 bad input.

Examples:
  aksnet inspect                                   # the current kubeconfig context
  kubectl aksnet inspect --context prod -o json    # as a kubectl plugin
  kubectl get nodes,pods,daemonsets -A -o json > dump.json
  aksnet inspect --from-dump dump.json --aks-json cluster.json
  kubectl get nodes,pods,daemonsets -A -o json | aksnet inspect --from-dump -
  aksnet inspect --azure                           # and the node subnet's real free addresses, from Azure
`;

/** Where the cluster is read from: kubeconfig, dumps, az JSON, a plan, Azure. */
function sourceOptions(cmd: Command): Command {
  return cmd
    .usage(
      "[--kubeconfig PATH] [--context NAME] [--from-dump FILE…] [--aks-json FILE] [--plan FILE] " +
        "[--azure [ID]] [--azure-from FILE…] [-o table|json|markdown]",
    )
    .option("--kubeconfig <path>", "kubeconfig file (default: KUBECONFIG, then ~/.kube/config)")
    .option("--context <name>", "kubeconfig context to use (default: the current context)")
    .option(
      "--from-dump <file...>",
      "read kubectl get nodes,pods,daemonsets -A -o json output instead of a live cluster (- for standard input)",
    )
    .option(
      "--aks-json <file>",
      "az aks show -o json (or ARM) output: the configured network profile and pools, compared with the cluster",
    )
    .option(
      "--plan <file>",
      "an aksnet plan: differences from the cluster, aksnet check findings at the cluster's node counts, node " +
        "subnet headroom",
    )
    .option(
      "--azure [id]",
      "add Azure's figures for the cluster's subnets (read-only: Resource Graph and the VNet usage API; " +
        "Node.js 22+): the cluster's resource ID, or found by its nodes' node resource group",
    )
    .option(
      "--azure-from <file...>",
      "the same from saved az JSON: az aks show, az network vnet show, az network vnet list-usage (any Node.js)",
    )
    .option(
      "--arm-endpoint <url>",
      "Azure Resource Manager endpoint for --azure (sovereign clouds)",
      "https://management.azure.com",
    );
}

/** How the report is written and judged, and the limits of a live read. */
function reportOptions(cmd: Command): Command {
  return cmd
    .addOption(outputOption(OUTPUT))
    .addOption(failOnOption("; a headroom check that does not fit is an error"))
    .option("--config <file>", "the project config (default: the nearest aksnet.config.yaml up from here)")
    .option("--no-config", "ignore any aksnet.config.yaml")
    .option("--baseline <file>", "a saved aksnet inspect -o json (or -o sarif): report only findings not in it")
    .option("--all-nodes", "list every node in table and markdown output (default: the first 20)")
    .option("--page-size <n>", "items per list call on a live cluster", wholeNumber("--page-size", 1_000_000, ""), 500)
    .option(
      "--timeout <seconds>",
      "time limit for the whole read of a live cluster, every request included",
      wholeNumber("--timeout", MAX_TIMEOUT_S, " seconds (about 24.8 days)"),
      120,
    );
}

export default defineCommand({
  configure(cmd: Command) {
    reportOptions(sourceOptions(cmd)).addHelpText("after", HELP_AFTER);
  },
  async run({ opts, io }) {
    const dumps = (opts["fromDump"] as string[] | undefined) ?? [];
    if (dumps.length && (opts["kubeconfig"] || opts["context"]))
      throw new UsageError(
        "--from-dump reads files, so --kubeconfig and --context do not apply; drop one or the other.",
      );
    const configFiles = [
      ...(opts["aksJson"] ? [{ flag: "--aks-json", path: opts["aksJson"] as string }] : []),
      ...(opts["plan"] ? [{ flag: "--plan", path: opts["plan"] as string }] : []),
    ];
    const configured = await loadConfigurationFiles(configFiles, io.cwd);
    const azureId = typeof opts["azure"] === "string" ? (opts["azure"] as string) : undefined;
    const azureFrom = opts["azureFrom"] as string[] | undefined;
    // A bad ID is said before the cluster is read.
    if (azureId !== undefined) (await import("../scan/azure-side.js")).targetById(azureId);
    const { snapshot, source } = await readCluster(opts, io, dumps);
    const azure = await readAzureSide(opts, io, snapshot, azureId, azureFrom);
    // Without --aks-json or --plan, the ARM record Azure gave is the configuration (as --aks-json would give it).
    const configuration = configured?.configuration ?? (azure ? recordConfiguration(azure) : undefined);
    const measured = inspectReport(snapshot, source, configuration, azure?.side);
    const inline = await inlineComments(measured, configured, io.cwd);
    const report = inline?.report ?? measured;
    const policy = await inspectPolicy(report, opts, io.cwd, inline?.suppress);
    await writeOutput(io, OUTPUT, chooseFormat(OUTPUT, opts["output"]), {
      report,
      allNodes: Boolean(opts["allNodes"]),
      ...(configured ? { locate: configured.locate } : {}),
      ...(inline ? { placedAt: inline.placedAt } : {}),
      policy,
    });
    // A headroom check that does not fit, the Azure side's checks, the drift and check findings, after the policy.
    return policy.findings.some((f) => failsAt(policy.failOn, f.severity)) ? EXIT.findings : EXIT.ok;
  },
});
