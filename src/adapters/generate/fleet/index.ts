/**
 * Infrastructure code for a fleet: every cluster through the single-cluster
 * generator (same checks, same refusals), then put together — Terraform as
 * shared modules called with `for_each`, Bicep as modules deployed in a loop,
 * az as one function per cluster in one script.
 */
import { generate, type GenerateFormat, type GenerateOptions } from "../index.js";
import { azFleet } from "./az.js";
import { bicepModules, bicepRoot, symbol } from "./bicep.js";
import { terraformModules, terraformRoot } from "./terraform.js";
import type { FleetGenCluster, FleetGenerateResult, FleetGenProblem } from "./types.js";
import {
  azPeerings,
  BICEP_PEERING_MODULE,
  bicepPeerings,
  inputsOf,
  resourceGroupInput,
  terraformPeerings,
  type PeeringSide,
} from "./peerings.js";
import type { AvnmPlan } from "./connectivity.js";
import { azCommit, azNetworkManager } from "./connectivity-az.js";
import {
  avnmFormatNotes,
  bicepNetworkManagerCall,
  bicepNetworkManagerModule,
  terraformNetworkManager,
} from "./connectivity-code.js";
import { AVNM_CONNECTIVITY } from "../../../kb/index.js";

export { fleetPeerings, type FleetVnet, type PeeredVnet, type PeeringSide } from "./peerings.js";
export type { AvnmPlan } from "./connectivity.js";

export type { FleetGenCluster, FleetGenerateResult, FleetGenProblem, GeneratedFile } from "./types.js";

/** Generates infrastructure code for several clusters at once. */
export function generateFleet(
  clusters: readonly FleetGenCluster[],
  format: GenerateFormat,
  options: GenerateOptions = {},
  peerings: readonly PeeringSide[] = [],
  fleetNotes: readonly string[] = [],
  networkManager?: AvnmPlan,
): FleetGenerateResult {
  const r = generateFleetFiles(clusters, format, options, peerings, networkManager);
  if (!r.ok || fleetNotes.length === 0) return r;
  // What the fleet's networking needs beyond the files (inputs, what is not written): in the notes, and as comments
  // at the top of the first file, so a reader of the code alone sees it.
  const [first, ...rest] = r.files;
  return {
    ...r,
    files: [{ ...first!, text: withComments(first!.text, format, fleetNotes) }, ...rest],
    notes: [...fleetNotes, ...r.notes],
  };
}

/** The text with the notes as comments at its top (after a shebang). */
function withComments(text: string, format: GenerateFormat, notes: readonly string[]): string {
  const mark = format === "bicep" ? "//" : "#";
  const lines = notes.map((n) => `${mark} Fleet: ${n[0]!.toUpperCase()}${n.slice(1)}.`);
  if (text.startsWith("#!")) {
    const nl = text.indexOf("\n") + 1;
    return `${text.slice(0, nl)}${lines.join("\n")}\n${text.slice(nl)}`;
  }
  return `${lines.join("\n")}\n${text}`;
}

function generateFleetFiles(
  clusters: readonly FleetGenCluster[],
  format: GenerateFormat,
  options: GenerateOptions,
  peerings: readonly PeeringSide[],
  avnm: AvnmPlan | undefined,
): FleetGenerateResult {
  const problems: FleetGenProblem[] = [];
  if (clusters.length === 0)
    return {
      ok: false,
      problems: [{ cluster: "", path: "clusters", value: "[]", reason: "the fleet has no clusters" }],
    };
  problems.push(...duplicateNames(clusters));
  const texts: ClusterText[] = [];
  for (const c of clusters) {
    const r = generate(c.plan, format, {
      ...options,
      ...(c.ipamPool !== undefined ? { ipamPool: c.ipamPool } : {}),
      ...(c.ipamPoolScope !== undefined ? { ipamPoolScope: c.ipamPoolScope } : {}),
    });
    if (!r.ok) problems.push(...r.problems.map((p) => ({ ...p, cluster: c.name })));
    else texts.push({ name: c.name, text: r.text, notes: r.notes, resourceGroup: c.plan.resourceGroup });
  }
  if (problems.length > 0) return { ok: false, problems };
  const notes = [
    ...texts.flatMap((t) => t.notes.map((n) => `${t.name}: ${n}`)),
    ...(avnm ? avnmFormatNotes(avnm, format) : []),
  ];
  if (format === "terraform") return terraformFleet(texts, peerings, notes, avnm);
  if (format === "az") {
    const r = azFleet(
      texts,
      (fn, c) => {
        const mine = peerings.filter((p) => p.after === c);
        return mine.length > 0 ? azPeerings(fn, mine) : undefined;
      },
      avnm ? (fn) => azNetworkManager(fn, avnm) : undefined,
    );
    return { ok: true, format, files: [{ path: "create-fleet.sh", text: r.text }], clusters: r.clusters, notes };
  }
  return bicepFleet(texts, peerings, notes, avnm);
}

type ClusterText = { name: string; text: string; notes: readonly string[]; resourceGroup?: string | undefined };

function duplicateNames(clusters: readonly FleetGenCluster[]): FleetGenProblem[] {
  const problems: FleetGenProblem[] = [];
  const seen = new Set<string>();
  for (const c of clusters) {
    if (seen.has(c.name))
      problems.push({
        cluster: c.name,
        path: "name",
        value: c.name,
        reason: "two clusters of the fleet have this name",
      });
    seen.add(c.name);
  }
  return problems;
}

/** Terraform: shared modules called with `for_each`, and the peerings beside them. */
function terraformFleet(
  texts: readonly ClusterText[],
  peerings: readonly PeeringSide[],
  notes: readonly string[],
  avnm: AvnmPlan | undefined,
): FleetGenerateResult {
  const modules = terraformModules(texts);
  const first = modules[0]!.clusters[0]!.parts;
  const moduleOf = new Map(modules.flatMap((m) => m.clusters.map((c) => [c.name, m.name] as const)));
  let root = terraformRoot(modules, first.provider, first.terraform);
  // connected_group_address_overlap_enabled arrived in azurerm 5.0.0: raise the constraint's floor to it.
  if (avnm?.configurations.some((c) => c.overlap === "Disallowed"))
    root = root.replace(
      /version = ">= [0-9.]+, < 6\.0\.0"/,
      `version = ">= ${AVNM_CONNECTIVITY.azurermOverlapSince.value}, < 6.0.0"`,
    );
  const declared = new Set(inputsOf(peerings).map((v) => resourceGroupInput(v.variable!).terraform));
  return {
    ok: true,
    format: "terraform",
    files: [
      { path: "main.tf", text: root },
      ...modules.map((m) => ({ path: `modules/${m.name}/main.tf`, text: m.text })),
      ...(peerings.length > 0 ? [{ path: "peerings.tf", text: terraformPeerings(peerings, moduleOf) }] : []),
      ...(avnm ? [{ path: "network-manager.tf", text: terraformNetworkManager(avnm, moduleOf, declared) }] : []),
    ],
    clusters: modules.flatMap((m) => m.clusters.map((c) => ({ name: c.name, module: m.name }))),
    notes,
  };
}

/** Bicep: modules deployed in a loop from main.bicep, and the peering module. */
function bicepFleet(
  texts: readonly ClusterText[],
  peerings: readonly PeeringSide[],
  notes: readonly string[],
  avnm: AvnmPlan | undefined,
): FleetGenerateResult {
  const modules = bicepModules(texts);
  const root = bicepRoot(modules);
  const symbols = modules.map((m) => symbol(m.name));
  const declared = new Set(inputsOf(peerings).map((v) => resourceGroupInput(v.variable!).bicep));
  const tail = [
    ...(peerings.length > 0 ? bicepPeerings(peerings, symbols) : []),
    ...(avnm ? bicepNetworkManagerCall(avnm, symbols, declared) : []),
  ];
  return {
    ok: true,
    format: "bicep",
    files: [
      { path: "main.bicep", text: tail.length > 0 ? `${root.text}${tail.join("\n")}\n` : root.text },
      ...modules.map((m) => ({ path: `modules/${m.name}.bicep`, text: m.text })),
      ...(peerings.length > 0 ? [{ path: "modules/peering.bicep", text: BICEP_PEERING_MODULE }] : []),
      ...(avnm
        ? [
            { path: "modules/network-manager.bicep", text: bicepNetworkManagerModule(avnm) },
            { path: "commit-network-manager.sh", text: bicepCommitScript(avnm) },
          ]
        : []),
    ],
    clusters: modules.flatMap((m) => m.clusters.map((c) => ({ name: c.name, module: m.name }))),
    notes: [...root.notes, ...notes],
  };
}

/** The commit Bicep cannot write, as an az script run after the deployment. */
function bicepCommitScript(avnm: AvnmPlan): string {
  const ext = AVNM_CONNECTIVITY.azExtension.value;
  return [
    "#!/usr/bin/env bash",
    "# Generated by aksnet: the commit (deployment) of the fleet's Virtual Network Manager connectivity, which Bicep",
    "# cannot write (a POST on the network manager). Run it after main.bicep's deployment.",
    "set -euo pipefail",
    `az extension add --name ${ext} --upgrade --only-show-errors`,
    ...azCommit(avnm),
    "",
  ].join("\n");
}
