/**
 * A fleet's Virtual Network Manager connectivity (connectivity.ts's `AvnmPlan`) as az commands: a shell function
 * (network manager group create, group static-member create, connect-config create, post-commit, from the
 * virtual-network-manager extension). A configuration that sets connectedGroupAddressOverlap is PUT with `az rest`
 * at `AVNM_CONNECTIVITY.apiVersion`: the extension's connect-config create has no argument for it.
 */
import { AVNM_CONNECTIVITY } from "../../../kb/index.js";
import { command } from "../az-words.js";
import { shellQuote } from "../quote.js";
import type { AvnmConfiguration, AvnmPlan } from "./connectivity.js";
import { resourceGroupInput, type PeeredVnet } from "./peerings.js";

const API = AVNM_CONNECTIVITY.apiVersion.value;
const VNET_TYPE = "Microsoft.Network/virtualNetworks";
const flag = (b: boolean) => (b ? "True" : "False");
/** A group is global only when directly connected (azurerm's docs; the API's isGlobal on the group item). */
const groupGlobal = (c: AvnmConfiguration) => c.global && c.groupConnectivity === "DirectlyConnected";

function managerArgs(plan: AvnmPlan): [string, string][] {
  return [
    ["--resource-group", shellQuote(plan.manager.resourceGroup)],
    ["--network-manager-name", shellQuote(plan.manager.name)],
  ];
}

/** `NETWORK_MANAGER_ID="$(az network manager show …)"`: the manager's resource ID. */
function azManagerId(plan: AvnmPlan): string {
  const sub: [string, string][] =
    plan.manager.subscriptionId !== undefined ? [["--subscription", shellQuote(plan.manager.subscriptionId)]] : [];
  const show = command("az network manager show", [
    ...managerArgs(plan),
    ...sub,
    ["--query", "id"],
    ["--output", "tsv"],
  ]);
  return `NETWORK_MANAGER_ID="$(${show.replace(/ \\\n\s*/g, " ").trim()})"`;
}

/**
 * `az network manager post-commit` for the plan's configurations, their IDs built from the manager's
 * (`$NETWORK_MANAGER_ID`, set first unless `haveId`).
 */
export function azCommit(plan: AvnmPlan, haveId = false): string[] {
  const sub: [string, string][] =
    plan.manager.subscriptionId !== undefined ? [["--subscription", shellQuote(plan.manager.subscriptionId)]] : [];
  return [
    ...(haveId ? [] : [azManagerId(plan)]),
    command("az network manager post-commit", [
      ...managerArgs(plan),
      ...sub,
      ["--commit-type", "Connectivity"],
      ["--target-locations", plan.locations.map(shellQuote)],
      [
        "--configuration-ids",
        plan.configurations.map((c) => `"$NETWORK_MANAGER_ID/connectivityConfigurations/${c.name}"`),
      ],
    ]).replace(/\n$/, ""),
  ];
}

/** The shell function that writes the plan with az, run once every cluster exists. */
export function azNetworkManager(fn: string, plan: AvnmPlan): string[] {
  const sub: [string, string][] =
    plan.manager.subscriptionId !== undefined ? [["--subscription", shellQuote(plan.manager.subscriptionId)]] : [];
  const rg = (v: PeeredVnet) => {
    if (v.variable === undefined) return shellQuote(v.resourceGroup);
    const name = resourceGroupInput(v.variable).shell;
    return `"\${${name}:?set ${name} to the resource group of VNet ${v.name}}"`;
  };
  const vnetId = (v: PeeredVnet) =>
    `"$(az network vnet show --resource-group=${rg(v)} --name=${shellQuote(v.name)} --query=id --output=tsv)"`;
  const ext = AVNM_CONNECTIVITY.azExtension.value;
  const rest = plan.configurations.some((c) => c.overlap === "Disallowed");
  const out = [`${fn}() (`, "set -euo pipefail", `az extension add --name ${ext} --upgrade --only-show-errors`];
  if (rest) out.push(azManagerId(plan));
  for (const c of plan.configurations) {
    out.push(
      "",
      `# ${c.name}: network group ${c.groupName}, its static members, the connectivity configuration.`,
      command("az network manager group create", [
        ...managerArgs(plan),
        ...sub,
        ["--name", shellQuote(c.groupName)],
        ["--description", shellQuote(`Members of connectivity configuration ${c.name} (aksnet).`)],
      ]).replace(/\n$/, ""),
    );
    for (const m of c.members)
      out.push(
        command("az network manager group static-member create", [
          ...managerArgs(plan),
          ...sub,
          ["--network-group-name", shellQuote(c.groupName)],
          ["--name", shellQuote(m.name)],
          ["--resource-id", vnetId(m.vnet)],
        ]).replace(/\n$/, ""),
      );
    const group =
      `"$(az network manager group show --resource-group=${shellQuote(plan.manager.resourceGroup)} ` +
      `--network-manager-name=${shellQuote(plan.manager.name)} ` +
      sub.map(([f, v]) => `${f}=${v} `).join("") +
      `--name=${shellQuote(c.groupName)} --query=id --output=tsv)"`;
    out.push(
      `GROUP_ID=${group}`,
      ...(c.overlap === "Disallowed" ? azRestConfig(c, vnetId) : [azConnectConfig(plan, c, vnetId)]),
    );
  }
  out.push("", "# The commit: deploys the configurations to their regions.", ...azCommit(plan, rest), ")");
  return out;
}

/**
 * A configuration that sets connectedGroupAddressOverlap, PUT with `az rest` at `API`: the extension's
 * connect-config create has no argument for it. The body is the Bicep module's, single-quoted JSON with
 * the group's and hub's IDs spliced in as "$GROUP_ID" and "$HUB_ID".
 */
function azRestConfig(c: AvnmConfiguration, vnetId: (v: PeeredVnet) => string): string[] {
  const properties = {
    connectivityTopology: c.topology,
    ...(c.hub ? { hubs: [{ resourceId: "@@HUB_ID@@", resourceType: VNET_TYPE }] } : {}),
    isGlobal: flag(c.global),
    deleteExistingPeering: "False",
    appliesToGroups: [
      {
        networkGroupId: "@@GROUP_ID@@",
        groupConnectivity: c.groupConnectivity,
        useHubGateway: flag(c.useHubGateway),
        isGlobal: flag(groupGlobal(c)),
      },
    ],
    connectivityCapabilities: {
      connectedGroupAddressOverlap: c.overlap,
      connectedGroupPrivateEndpointsScale: "Standard",
      peeringEnforcement: "Unenforced",
    },
  };
  const body = JSON.stringify({ properties }).replace(/@@(\w+)@@/g, `'"$$$1"'`);
  return [
    `# connectedGroupAddressOverlap: ${c.overlap ?? ""} has no argument in connect-config create (API ` +
      `${AVNM_CONNECTIVITY.azConnectConfigApi.value}): the configuration is PUT with az rest at API ${API}.`,
    ...(c.hub ? [`HUB_ID=${vnetId(c.hub)}`] : []),
    command("az rest", [
      ["--method", "put"],
      ["--url", `"$NETWORK_MANAGER_ID/connectivityConfigurations/${c.name}?api-version=${API}"`],
      ["--body", `'${body}'`],
    ]).replace(/\n$/, ""),
  ];
}

/** `az network manager connect-config create` for one configuration (its group's ID in $GROUP_ID). */
function azConnectConfig(plan: AvnmPlan, c: AvnmConfiguration, vnetId: (v: PeeredVnet) => string): string {
  const sub: [string, string][] =
    plan.manager.subscriptionId !== undefined ? [["--subscription", shellQuote(plan.manager.subscriptionId)]] : [];
  return command("az network manager connect-config create", [
    ...managerArgs(plan),
    ...sub,
    ["--configuration-name", shellQuote(c.name)],
    ["--connectivity-topology", c.topology],
    ["--is-global", flag(c.global)],
    ["--delete-existing-peering", "False"],
    [
      "--applies-to-groups",
      [
        `"[{network-group-id:$GROUP_ID,group-connectivity:${c.groupConnectivity},` +
          `use-hub-gateway:${flag(c.useHubGateway)},is-global:${flag(groupGlobal(c))}}]"`,
      ],
    ],
    ...(c.hub
      ? [
          ["--hubs", [`"[{resource-id:${vnetId(c.hub).slice(1, -1)},resource-type:${VNET_TYPE}}]"`]] as [
            string,
            string[],
          ],
        ]
      : []),
  ]).replace(/\n$/, "");
}
