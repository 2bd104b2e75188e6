/**
 * `aksnet scan`: every AKS cluster in scope, read-only from Azure (Resource Graph
 * and the VNet usage API through the Azure SDK, Node.js 22+) or from saved az
 * JSON (`--from`, any Node.js): per cluster and pool, whether the next upgrade
 * and the autoscaler's scale-out fit in the subnets' real free addresses, in the
 * words of the AKS errors. Exit 0 when nothing fails (or nothing at the
 * `--fail-on` level), 1 when something does, 2 for bad input or a scan that could
 * not start.
 */
import { Option, type Command } from "commander";
import { defineCommand } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import type { Io } from "../io.js";
import { chooseFormat, defineOutput, outputOption } from "../output/formats.js";
import { jsonData } from "../output/json.js";
import { writeOutput } from "../output/write.js";
import type { FailOn } from "../policy/levels.js";
import { failsAt } from "../policy/levels.js";
import { suppressedJson, suppressedLines } from "../policy/resource-json.js";
import type { ResourcePolicyResult } from "../policy/resources.js";
import type { ScanOutput } from "./scan-text.js";

/** What every `scan` formatter gets. */
interface ScanView {
  readonly out: ScanOutput;
  /** --all: every cluster and subnet in table and markdown. */
  readonly all: boolean;
  /** The project policy's run (docs/ci.md): what it suppressed, and its decision on each finding (SARIF). */
  readonly policy: ResourcePolicyResult;
}

const renderOptions = (v: ScanView, color: boolean) => ({
  color,
  all: v.all,
  suppressed: suppressedLines(v.policy.suppressed),
});

const OUTPUT = defineOutput<ScanView>({
  formatters: {
    table: () =>
      import("./scan-text.js").then((m) => ({
        default: (v: ScanView, c: { color: boolean }) => m.renderScanTable(v.out, renderOptions(v, c.color)),
      })),
    markdown: () =>
      import("./scan-text.js").then((m) => ({
        default: (v: ScanView, c: { color: boolean }) => m.renderScanMarkdown(v.out, renderOptions(v, c.color)),
      })),
    sarif: () =>
      Promise.all([import("./sarif.js"), import("../policy/resources.js")]).then(([m, p]) => ({
        default: (v: ScanView) => m.renderScanSarif(v.out, p.policyDecisions(v.policy)),
      })),
  },
  // Absent values are null in JSON, so every documented field is always present.
  kind: "ScanReport",
  data: (v) => jsonData({ ...v.out, suppressed: suppressedJson(v.policy.suppressed) }),
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Azure's resource group names: 1-90 of letters, digits, `._-()`, not ending in `.`. */
const RESOURCE_GROUP = /^[-\w.()]{0,89}[-\w()]$/u;
/** AKS cluster names: 1-63 of letters, digits, `-` and `_`, starting with a letter or digit. */
const CLUSTER = /^[a-z0-9][-_a-z0-9]{0,62}$/i;
const MANAGEMENT_GROUP = /^[-\w.()]{1,90}$/u;

function each(flag: string, re: RegExp, what: string) {
  return (v: string, prev: string[] | undefined) => {
    if (!re.test(v)) throw new UsageError(`${flag} "${v}" is not ${what}.`);
    return [...(prev ?? []), v];
  };
}

function wholeNumber(flag: string, min: number, max: number) {
  return (v: string) => {
    if (!/^\d{1,9}$/.test(v) || Number(v) < min || Number(v) > max)
      throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${v}".`);
    return Number(v);
  };
}

const HELP_AFTER = `
Reads only: Resource Graph queries and GETs; the Reader role on the subscriptions is enough (docs/scan.md).
Credentials: DefaultAzureCredential (az login, environment, workload or managed identity); AKSNET_AZURE_ACCESS_TOKEN
holds a ready token instead. The live scan needs Node.js 22 or later; --from works on any.
Exit codes: 0 no cluster at the --fail-on verdict, 1 some are, 2 bad input or the scan could not start.

Examples:
  aksnet scan                                          # every cluster you can read
  aksnet scan --subscription 00000000-0000-0000-0000-000000000000 -o json
  aksnet scan --management-group platform --fail-on at-risk -o sarif > scan.sarif
  az aks list -o json > clusters.json; az network vnet list -o json > vnets.json
  aksnet scan --from clusters.json vnets.json usage-*.json
`;

function configure(cmd: Command): void {
  scopeOptions(cmd);
  reportOptions(cmd).addHelpText("after", HELP_AFTER);
}

/** What to scan: the subscriptions, resource groups and clusters, or saved az JSON. */
function scopeOptions(cmd: Command): Command {
  return cmd
    .usage(
      "[--subscription ID…] [--management-group ID] [--resource-group NAME…] [--cluster NAME…] [--from FILE…] [-o " +
        "table|json|yaml|markdown|sarif]",
    )
    .option(
      "--subscription <id>",
      "a subscription to scan (repeat for several; default: every one you can read)",
      each("--subscription", GUID, "a subscription ID (a GUID)"),
    )
    .option("--management-group <id>", "scan every subscription under this management group", (v: string) => {
      if (!MANAGEMENT_GROUP.test(v)) throw new UsageError(`--management-group "${v}" is not a management group ID.`);
      return v;
    })
    .option(
      "--resource-group <name>",
      "only clusters in this resource group (repeatable)",
      each("--resource-group", RESOURCE_GROUP, "a resource group name"),
    )
    .option(
      "--cluster <name>",
      "only the cluster with this name (repeatable)",
      each("--cluster", CLUSTER, "an AKS cluster name"),
    )
    .option(
      "--from <file...>",
      "read saved az JSON instead of Azure: az graph query (--show-queries), az aks list, az network vnet list, az " +
        "network vnet list-usage",
    );
}

/** How to scan and report: format, verdict to fail on, project config, limits, endpoint. */
function reportOptions(cmd: Command): Command {
  return cmd
    .addOption(outputOption(OUTPUT))
    .addOption(
      new Option(
        "--fail-on <level>",
        "exit 1 when a finding is at this level or worse: error (default; a check fails), warning (at risk), " +
          "note (cannot be decided) or never; the verdict names fails, at-risk and unknown are accepted too",
      ).argParser(parseScanFailOn),
    )
    .option("--config <file>", "the project config (default: the nearest aksnet.config.yaml up from here)")
    .option("--no-config", "ignore any aksnet.config.yaml")
    .option("--baseline <file>", "a saved aksnet scan -o json (or -o sarif): report only findings not in it")
    .option("--all", "list every cluster and subnet in table and markdown output (default: those not ok)")
    .option("--timeout <seconds>", "time limit for the whole live scan", wholeNumber("--timeout", 1, 86400), 300)
    .option("--concurrency <n>", "VNet usage reads in flight at once", wholeNumber("--concurrency", 1, 256), 16)
    .option(
      "--arm-endpoint <url>",
      "Azure Resource Manager endpoint (sovereign clouds)",
      "https://management.azure.com",
    )
    .option("--show-queries", "print the Resource Graph queries and the usage read the scan runs, and exit");
}

async function showQueries(opts: Record<string, unknown>, io: Io): Promise<number> {
  const q = await import("../../azure/index.js");
  const f = {
    resourceGroups: (opts["resourceGroup"] as string[]) ?? [],
    clusters: (opts["cluster"] as string[]) ?? [],
  };
  await io.out(
    [
      '# clusters: az graph query -q "$(…)" --first 1000 -o json > clusters.json',
      q.clustersQuery(f),
      "",
      "# VNets the pools use (here: every VNet; the scan filters by the IDs it found): > vnets.json",
      q.vnetsQuery(),
      "",
      "# their subnets, one row each: > subnets.json",
      q.subnetsQuery(),
      "",
      "# and per VNet in use: az network vnet list-usage -g RG -n VNET -o json > usage-VNET.json",
      q.USAGE_PATH,
      "",
    ].join("\n"),
  );
  return EXIT.ok;
}

/** --fail-on in the words every checking command takes (error, warning, note, never), or in scan's verdicts. */
function parseScanFailOn(v: string): FailOn {
  const words: Record<string, FailOn> = {
    error: "error",
    warning: "warning",
    note: "note",
    info: "note",
    never: "never",
    fails: "error",
    "at-risk": "warning",
    unknown: "note",
  };
  const level = words[v.trim().toLowerCase()];
  if (level === undefined)
    throw new UsageError(
      `--fail-on ${JSON.stringify(v)} is not a level; use error (the default), warning, note or never (or fails, ` +
        `at-risk, unknown)`,
    );
  return level;
}

/** The project's policy on the scan's findings: the config, the baseline, --fail-on (docs/ci.md). */
async function scanPolicy(out: ScanOutput, opts: Readonly<Record<string, unknown>>, cwd: string) {
  const [{ scanClusterFindings }, { resourceProjectPolicy }, { policyFlags }] = await Promise.all([
    import("../policy/resource-findings.js"),
    import("../policy/resource-project.js"),
    import("../policy/project.js"),
  ]);
  const flags = policyFlags(opts, cwd);
  const findings = out.clusters.flatMap((c) => scanClusterFindings(c));
  return resourceProjectPolicy(findings, flags, knownRules, "aksnet scan");
}

/** The rule ids a project config may name: check's rules load only when there is a config to read. */
const knownRules = () => import("../check/policy.js").then((m) => m.configRuleIds());

export default defineCommand({
  configure,
  async run({ opts, io }) {
    if (opts["showQueries"]) return showQueries(opts, io);
    const from = opts["from"] as string[] | undefined;
    if (from && (opts["subscription"] || opts["managementGroup"]))
      throw new UsageError(
        "--from reads files, so --subscription and --management-group do not apply; drop one or the other.",
      );
    if (opts["subscription"] && opts["managementGroup"])
      throw new UsageError("give --subscription or --management-group, not both (Resource Graph takes one scope).");
    const { readFromFiles, readLive, judge } = await import("./read.js");
    const resourceGroups = (opts["resourceGroup"] as string[] | undefined) ?? [];
    const clusters = (opts["cluster"] as string[] | undefined) ?? [];
    const read = from
      ? await readFromFiles(from, io)
      : await readLive(
          {
            subscriptions: (opts["subscription"] as string[] | undefined) ?? [],
            managementGroup: opts["managementGroup"] as string | undefined,
            resourceGroups,
            clusters,
            endpoint: String(opts["armEndpoint"]),
            timeoutSeconds: opts["timeout"] as number,
            concurrency: opts["concurrency"] as number,
          },
          io,
        );
    const out = await judge(read, { resourceGroups, clusters });
    const policy = await scanPolicy(out, opts, io.cwd);
    await writeOutput(io, OUTPUT, chooseFormat(OUTPUT, opts["output"]), { out, all: Boolean(opts["all"]), policy });
    return policy.findings.some((f) => failsAt(policy.failOn, f.severity)) ? EXIT.findings : EXIT.ok;
  },
});
