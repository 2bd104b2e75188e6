/**
 * Naming rules for the Azure resources a plan names: the cluster, resource groups, the VNet, its subnets and
 * route table, node pools (per OS) and the location. One set, used by `check` (the name-invalid rule) and by
 * `generate`, so `check` never accepts a name that `generate` refuses or Azure rejects.
 *
 * Each rule is a length range and a pattern checked per Unicode code point. Resource group names may begin
 * with `-` (valid in Azure; generated commands must keep such a value one argument).
 */
import { describeValue } from "../ip/index.js";
import { aksDoc, page, repoFile, sourced, type Sourced } from "./source.js";

export const NAME_KINDS = [
  "cluster",
  "resourceGroup",
  "vnet",
  "subnet",
  "routeTable",
  "linuxPool",
  "windowsPool",
  "location",
] as const;

/** The kind of name a rule applies to. */
export type NameKind = (typeof NAME_KINDS)[number];

/** One naming rule: lengths in Unicode code points, the whole-name pattern, and the rule in one sentence. */
export interface NameRule {
  /** What is named, as a noun phrase ("subnet name"). */
  readonly what: string;
  readonly minLength: number;
  readonly maxLength: number;
  /** The characters every position may hold (a regex character class, Unicode mode). */
  readonly chars: string;
  /** The characters the first position may hold. */
  readonly first: string;
  /** The characters the last position may hold. */
  readonly last: string;
  /** The rule in one sentence, e.g. "a subnet name is 1-80 letters, digits, …". */
  readonly rule: string;
}

const NAME_RULES_PAGE = page(
  "https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules",
  "Microsoft.Network and Microsoft.Resources naming rules",
);
const ALNUM = "[A-Za-z0-9]";
const POOL_NAMES = aksDoc(
  "use-system-pools",
  "lowercase letters and digits, starting with a letter; Linux 1-12 characters, Windows 1-6",
);

function rule(what: string, min: number, max: number, chars: string, first: string, last: string, text: string) {
  return { what, minLength: min, maxLength: max, chars, first, last, rule: text };
}

export const NAME_RULES: Readonly<Record<NameKind, Sourced<NameRule>>> = {
  cluster: sourced(
    rule(
      "cluster name",
      1,
      63,
      "[A-Za-z0-9_-]",
      ALNUM,
      ALNUM,
      "a cluster name is 1-63 letters, digits, underscores and hyphens, starting and ending with a letter or digit",
    ),
    [
      page(
        "https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update",
        "resourceName: maxLength 63, pattern ^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$",
      ),
      NAME_RULES_PAGE,
    ],
    { checked: "2026-12-06" },
  ),
  resourceGroup: sourced(
    rule(
      "resource group name",
      1,
      90,
      "[A-Za-z0-9_().-]",
      "[A-Za-z0-9_().-]",
      "[A-Za-z0-9_()-]",
      "a resource group name is 1-90 letters, digits, underscores, periods, parentheses and hyphens, not ending in a " +
        "period (it may begin with a hyphen)",
    ),
    [
      NAME_RULES_PAGE,
      page(
        "https://learn.microsoft.com/rest/api/resources/resource-groups/create-or-update",
        "resourceGroupName: 1-90 characters, pattern ^[-\\w\\._\\(\\)]+$",
      ),
      repoFile(
        "hashicorp/go-azure-helpers:resourcemanager/resourcegroups/validate.go",
        "the azurerm provider: at most 90 characters, not ending in a period, Go ^[-\\w._()]+$ (ASCII word characters)",
      ),
    ],
    {
      checked: "2026-12-06",
      derived:
        "ARM also accepts Unicode letters and digits, but the Terraform provider's pattern is ASCII-only, so aksnet " +
        "keeps to ASCII: every name it accepts deploys with every format it generates",
    },
  ),
  vnet: sourced(
    rule(
      "VNet name",
      2,
      64,
      "[A-Za-z0-9_.-]",
      ALNUM,
      "[A-Za-z0-9_]",
      "a VNet name is 2-64 letters, digits, underscores, periods and hyphens, starting with a letter or digit and " +
        "ending with a letter, digit or underscore",
    ),
    NAME_RULES_PAGE,
    { checked: "2026-12-06" },
  ),
  subnet: sourced(
    rule(
      "subnet name",
      1,
      80,
      "[A-Za-z0-9_.-]",
      ALNUM,
      "[A-Za-z0-9_]",
      "a subnet name is 1-80 letters, digits, underscores, periods and hyphens, starting with a letter or digit and " +
        "ending with a letter, digit or underscore",
    ),
    NAME_RULES_PAGE,
    { checked: "2026-12-06" },
  ),
  routeTable: sourced(
    rule(
      "route table name",
      1,
      80,
      "[A-Za-z0-9_.-]",
      ALNUM,
      "[A-Za-z0-9_]",
      "a route table name is 1-80 letters, digits, underscores, periods and hyphens, starting with a letter or digit " +
        "and ending with a letter, digit or underscore",
    ),
    NAME_RULES_PAGE,
    { checked: "2026-12-06" },
  ),
  linuxPool: sourced(
    rule(
      "Linux node pool name",
      1,
      12,
      "[a-z0-9]",
      "[a-z]",
      "[a-z0-9]",
      "a Linux node pool name is 1-12 lower-case letters and digits, starting with a letter",
    ),
    [
      page(
        "https://learn.microsoft.com/rest/api/aks/agent-pools/create-or-update",
        "agentPoolName ^[a-z][a-z0-9]{0,11}$",
      ),
      POOL_NAMES,
      aksDoc("create-node-pools"),
    ],
    { checked: "2026-12-06" },
  ),
  windowsPool: sourced(
    rule(
      "Windows node pool name",
      1,
      6,
      "[a-z0-9]",
      "[a-z]",
      "[a-z0-9]",
      "a Windows node pool name is 1-6 lower-case letters and digits, starting with a letter",
    ),
    [
      POOL_NAMES,
      aksDoc("windows-vs-linux-containers", "the Windows Server node pool name has a limit of six characters"),
    ],
    { checked: "2026-12-06" },
  ),
  location: sourced(
    rule(
      "location",
      2,
      41,
      "[a-z0-9]",
      "[a-z]",
      "[a-z0-9]",
      'a location is an Azure region name in lower case without spaces, e.g. "westeurope" (not the display name ' +
        '"West Europe")',
    ),
    [
      repoFile(
        "hashicorp/go-azure-helpers:resourcemanager/location/normalize.go",
        "a display name becomes the canonical name by lower-casing it and removing spaces",
      ),
      repoFile(
        "Azure/azure-cli:src/azure-cli-core/azure/cli/core/commands/parameters.py",
        "the az CLI turns a display name into the short name only by looking it up in the subscription's locations",
      ),
    ],
    { checked: "2026-12-06" },
  ),
};

/**
 * With Azure CNI Overlay, the names of a BYO node subnet, its VNet and the VNet's resource group become node
 * label values, so each may have at most 63 characters.
 */
export const OVERLAY_NETWORK_NAME_MAX: Sourced<number> = sourced(
  63,
  aksDoc(
    "concepts-network-azure-cni-overlay",
    "with your own subnet, the subnet, VNet and VNet resource group names must be 63 characters or fewer (node labels)",
  ),
  {
    checked: "2026-12-06",
    alternatives: [
      {
        value: 64,
        source: [
          aksDoc("use-labels", "network-name and network-subnet label values are truncated above 64 characters"),
        ],
        note: "the labels page says longer values are truncated at 64 characters rather than refused",
      },
    ],
  },
);

const compiled = new Map<string, RegExp>();
function re(cls: string): RegExp {
  let r = compiled.get(cls);
  if (!r) compiled.set(cls, (r = new RegExp(`^${cls}$`, "u")));
  return r;
}

/** The rule for `kind`; a RangeError sentence for a value from JavaScript that is no kind of name. */
function ruleOf(kind: NameKind, where: string): NameRule {
  if (typeof kind !== "string" || !Object.hasOwn(NAME_RULES, kind))
    throw new RangeError(
      `${where}'s kind must be one of ${Object.keys(NAME_RULES).join(", ")}, not ${describeValue(kind)}`,
    );
  return NAME_RULES[kind].value;
}

/** Why `name` breaks the rule for `kind` (one clause, e.g. `contains " " (a space)`), or undefined when it is valid. */
export function nameProblem(kind: NameKind, name: string): string | undefined {
  const r = ruleOf(kind, "nameProblem");
  if (typeof name !== "string") return "is not text"; // a value from JavaScript
  const chars = [...name];
  if (chars.length < r.minLength)
    return chars.length === 0 ? "is empty" : `has ${chars.length} character(s); at least ${r.minLength} are needed`;
  if (chars.length > r.maxLength) return `has ${chars.length} characters; at most ${r.maxLength} are allowed`;
  const bad = chars.find((c) => !re(r.chars).test(c));
  if (bad !== undefined) return `contains ${describeChar(bad)}`;
  if (!re(r.first).test(chars[0] ?? "")) return `may not start with ${describeChar(chars[0] ?? "")}`;
  if (!re(r.last).test(chars[chars.length - 1] ?? ""))
    return `may not end with ${describeChar(chars[chars.length - 1] ?? "")}`;
  return undefined;
}

/** Reports whether `name` is a valid name of `kind`. */
export function isValidName(kind: NameKind, name: string): boolean {
  return nameProblem(kind, name) === undefined;
}

/** The pool-name rule for a node pool OS. */
export function poolNameKind(os: string | undefined): "linuxPool" | "windowsPool" {
  return typeof os === "string" && os.startsWith("Windows") ? "windowsPool" : "linuxPool";
}

/**
 * A valid name close to `name` for a fix hint: a location's display name becomes its canonical name
 * ("West Europe" → "westeurope"); other names lose the characters the rule forbids and are cut to length.
 */
export function suggestName(kind: NameKind, name: string): string {
  const r = ruleOf(kind, "suggestName");
  if (typeof name !== "string") return FALLBACK[kind]; // a value from JavaScript
  let s = kind === "location" ? name.toLowerCase().replace(/\s+/g, "") : name;
  if (kind === "linuxPool" || kind === "windowsPool") s = s.toLowerCase();
  // One pass that stops at maxLength kept characters: a name of megabytes costs what its head costs (dropping
  // leading characters one slice at a time was quadratic: 5,000,000 dashes never ended; found by the breaker).
  const [allowed, first, last] = [re(r.chars), re(r.first), re(r.last)];
  const chars: string[] = [];
  for (const c of s) {
    if (!allowed.test(c) || (chars.length === 0 && !first.test(c))) continue;
    chars.push(c);
    if (chars.length === r.maxLength) break;
  }
  while (chars.length > 0 && !last.test(chars[chars.length - 1] ?? "")) chars.pop();
  if (chars.length >= r.minLength) return chars.join("");
  return FALLBACK[kind];
}

const FALLBACK: Readonly<Record<NameKind, string>> = {
  cluster: "aks-cluster",
  resourceGroup: "rg-aks",
  vnet: "vnet-aks",
  subnet: "snet-aks",
  routeTable: "rt-aks",
  linuxPool: "pool1",
  windowsPool: "win1",
  location: "westeurope",
};

function describeChar(c: string): string {
  if (c === " ") return '" " (a space)';
  const cp = c.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
    return `the control character U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  return JSON.stringify(c);
}
