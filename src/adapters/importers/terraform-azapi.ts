/**
 * A VNet and subnets written with the azapi provider (`azapi_resource` of type `Microsoft.Network/virtualNetworks@…`
 * and `Microsoft.Network/virtualNetworks/subnets@…`), read from a `terraform show -json` plan as the `azurerm_…`
 * resources they stand for, so the rest of the Terraform importer places pools in them alike. Their values are the
 * ARM body (`body.properties.addressPrefix(es)`, `addressSpace.addressPrefixes`, inline `subnets`); a subnet's VNet
 * comes from its `parent_id`, or, when that is unknown until apply, from the configuration's reference to it.
 * Shapes: Azure/terraform-provider-azapi:docs/resources/resource.md (`type`, `name`, `parent_id`, `body`);
 * Azure/azure-rest-api-specs:specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/
 * virtualNetwork.json (checked 2026-12-07).
 */
import { isObj, parseAzureId, type Obj } from "./builder.js";
import type { SourcePath } from "./source-map.js";

/** A resource of the plan, with the source paths of the azurerm-style fields it was given (azapi ones only). */
export interface TfRes {
  readonly address: string;
  readonly type: string;
  readonly values: Obj;
  readonly at: SourcePath;
  /** Where each synthesized field came from (`name`, `address_prefixes`, `address_space`), when not at `at`. */
  readonly fieldAt?: Readonly<Record<string, SourcePath>>;
}

const VNET_TYPE = /^microsoft\.network\/virtualnetworks@/i;
const SUBNET_TYPE = /^microsoft\.network\/virtualnetworks\/subnets@/i;

const propsOf = (r: TfRes): Obj | undefined => {
  const body = r.values["body"];
  return isObj(body) && isObj(body["properties"]) ? body["properties"] : undefined;
};

/** `addressPrefixes`, else `addressPrefix`, as a list, with the path it was read at. */
function prefixes(props: Obj, at: SourcePath): { list: unknown[]; at: SourcePath } {
  if (Array.isArray(props["addressPrefixes"]))
    return { list: props["addressPrefixes"], at: [...at, "addressPrefixes"] };
  if (typeof props["addressPrefix"] === "string")
    return { list: [props["addressPrefix"]], at: [...at, "addressPrefix"] };
  return { list: [], at };
}

/**
 * The azapi VNets and subnets of the plan as `azurerm_virtual_network` and `azurerm_subnet` resources; `parentRef`
 * gives the configuration's references of a resource's `parent_id` (e.g. `["azapi_resource.vnet.id"]`).
 */
export function azapiNetwork(all: readonly TfRes[], parentRef: (address: string) => string[] | undefined): TfRes[] {
  const out: TfRes[] = [];
  const vnetName = new Map<string, string>();
  for (const r of all) {
    if (r.type !== "azapi_resource" || typeof r.values["type"] !== "string") continue;
    const props = propsOf(r);
    if (!VNET_TYPE.test(r.values["type"]) || !props || typeof r.values["name"] !== "string") continue;
    const propsAt: SourcePath = [...r.at, "body", "properties"];
    const space = isObj(props["addressSpace"]) ? props["addressSpace"]["addressPrefixes"] : undefined;
    const inline = Array.isArray(props["subnets"]) ? props["subnets"] : [];
    vnetName.set(r.address.replace(/\[[^\]]*\]/g, ""), r.values["name"]);
    out.push({
      address: r.address,
      type: "azurerm_virtual_network",
      values: {
        name: r.values["name"],
        ...(Array.isArray(space) ? { address_space: space } : {}),
      },
      at: r.at,
      fieldAt: { name: [...r.at, "name"], address_space: [...propsAt, "addressSpace", "addressPrefixes"] },
    });
    // Inline subnets (`properties.subnets[]`), each as its own subnet of this VNet.
    inline.forEach((x, i) => {
      if (!isObj(x) || typeof x["name"] !== "string") return;
      const at: SourcePath = [...propsAt, "subnets", i];
      const p = prefixes(isObj(x["properties"]) ? x["properties"] : {}, [...at, "properties"]);
      out.push({
        address: `${r.address}#subnets[${i}]`,
        type: "azurerm_subnet",
        values: { name: x["name"], address_prefixes: p.list, virtual_network_name: r.values["name"] },
        at,
        fieldAt: { name: [...at, "name"], address_prefixes: p.at },
      });
    });
  }
  for (const r of all) {
    if (r.type !== "azapi_resource" || typeof r.values["type"] !== "string") continue;
    const props = propsOf(r);
    if (!SUBNET_TYPE.test(r.values["type"]) || !props || typeof r.values["name"] !== "string") continue;
    const byId = parseAzureId(r.values["parent_id"])?.vnet;
    const ref = parentRef(r.address.replace(/\[[^\]]*\]/g, ""))?.[0]?.replace(/\.(id|resource_id)$/, "");
    const vnet = byId ?? (ref !== undefined ? (vnetName.get(ref) ?? azurermVnetName(all, ref)) : undefined);
    const p = prefixes(props, [...r.at, "body", "properties"]);
    out.push({
      address: r.address,
      type: "azurerm_subnet",
      values: {
        name: r.values["name"],
        address_prefixes: p.list,
        ...(vnet !== undefined ? { virtual_network_name: vnet } : {}),
      },
      at: r.at,
      fieldAt: { name: [...r.at, "name"], address_prefixes: p.at },
    });
  }
  return out;
}

/** The name of the `azurerm_virtual_network` a reference names (an azapi subnet in an azurerm VNet). */
function azurermVnetName(all: readonly TfRes[], ref: string): string | undefined {
  const v = all.find((r) => r.type === "azurerm_virtual_network" && r.address.replace(/\[[^\]]*\]/g, "") === ref);
  return typeof v?.values["name"] === "string" ? v.values["name"] : undefined;
}
