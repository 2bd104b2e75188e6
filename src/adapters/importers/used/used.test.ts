/**
 * The used-space importers: each recorded or real-shaped file → the prefixes it takes, with names; errors as one
 * sentence.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectUsedFormat, readUsedSpace, UsedSpaceError, type ReadUsedOptions, type UsedSpace } from "./index.js";

const FIX = join(import.meta.dirname, "fixtures");
const fixture = (name: string) => readFileSync(join(FIX, name), "utf8");
const cidrs = (u: UsedSpace) => u.prefixes.map((p) => p.cidr);

interface FixtureCase {
  readonly name: string;
  readonly file: string;
  readonly format: string;
  readonly options?: ReadUsedOptions;
  readonly cidrs: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly note?: RegExp;
}

/**
 * The scan fixture's used space, read from it the slow way: every field docs/scan.md names as used space, in
 * the reader's order, each (prefix, name) once (a pool's subnet is in subnets[] and in its VNet's subnets[]).
 */
const SCAN_CIDRS = ((): string[] => {
  const d = JSON.parse(fixture("aksnet-scan.json")) as {
    subnets: { name: string; prefixes: string[] }[];
    clusters: { name: string; podCidr: { cidr: string } | null }[];
    vnets: {
      name: string;
      addressSpace: string[];
      peerings: { name: string; remoteAddressSpace: string[] }[];
      subnets: { name: string; prefixes: string[] }[];
    }[];
  };
  const all: [string, string][] = [
    ...d.subnets.flatMap((s) => s.prefixes.map((p): [string, string] => [p, `subnet ${s.name}`])),
    ...d.clusters.flatMap((c) => (c.podCidr ? [[c.podCidr.cidr, `pod ${c.name}`] as [string, string]] : [])),
    ...d.vnets.flatMap((v) => [
      ...v.addressSpace.map((p): [string, string] => [p, `VNet ${v.name}`]),
      ...v.peerings.flatMap((pe) =>
        pe.remoteAddressSpace.map((p): [string, string] => [p, `peer ${v.name} ${pe.name}`]),
      ),
      ...v.subnets.flatMap((s) => s.prefixes.map((p): [string, string] => [p, `subnet ${s.name}`])),
    ]),
  ];
  const seen = new Set<string>();
  return all.filter(([p, n]) => !seen.has(`${p} ${n}`) && seen.add(`${p} ${n}`)).map(([p]) => p);
})();

const FIXTURES: readonly FixtureCase[] = [
  {
    name: "AVNM pool usage (REST example): allocated, reserved, child pools; the rest of the pool is available",
    file: "avnm-pool-usage.json",
    format: "avnm-pool-usage",
    cidrs: ["10.0.2.0/26", "10.0.3.0/26", "10.0.0.0/24", "10.0.2.0/26", "10.0.3.0/26"],
    labels: { "10.0.0.0/24": "reserved in pool avnm-pool-usage" },
    note: /pool avnm-pool-usage manages 10\.0\.0\.0\/8, 192\.0\.0\.0\/8/,
  },
  {
    name: "AVNM pool usage from PowerShell (PascalCase keys)",
    file: "avnm-pool-usage-powershell.json",
    format: "avnm-pool-usage",
    options: { pool: "pool-weu" },
    cidrs: ["10.0.0.0/20", "10.0.32.0/19", "10.0.64.0/18", "10.0.128.0/29"],
    labels: { "10.0.32.0/19": "allocated in pool pool-weu" },
  },
  {
    name: "AVNM associated resources (REST example): each prefix with its VNet",
    file: "avnm-associated-resources.json",
    format: "avnm-associated-resources",
    cidrs: ["10.0.0.0/24"],
    labels: { "10.0.0.0/24": "allocated to virtualNetworks testVnet" },
  },
  {
    name: "Azure IPAM spaces: VNet prefixes, externals, unsettled reservations only",
    file: "azure-ipam-spaces.json",
    format: "azure-ipam",
    cidrs: ["10.1.0.0/24", "10.1.1.0/24", "10.1.5.0/24", "10.0.100.0/24"],
    labels: {
      "10.1.0.0/24": "vnet-alpha",
      "10.1.5.0/24":
        "reservation ABNsJjXXyTRDTRCdJEJThu (Reservation for Project Alpha vNET) in space TestSpace block TestBlock",
      "10.0.100.0/24": "external network OnPrem-DC1",
    },
    note: /space TestSpace block TestBlock covers 10\.1\.0\.0\/16/,
  },
  {
    name: "NetBox prefix list (NetBox 2.x+: status objects; the container is not used)",
    file: "netbox-prefixes.json",
    format: "netbox-prefixes",
    cidrs: ["10.32.0.0/16", "10.33.0.0/20"],
    labels: { "10.32.0.0/16": "NetBox prefix 18691", "10.33.0.0/20": "Staging (reserved) [VRF corp]" },
    note: /container 10\.32\.0\.0\/12 \(Azure West Europe\) is space to allocate from/,
  },
  {
    name: "NetBox prefix list (pynetbox's recorded answer, numeric status)",
    file: "netbox-prefixes-pynetbox.json",
    format: "netbox-prefixes",
    cidrs: ["10.0.255.0/24", "10.1.1.0/24"],
    labels: { "10.0.255.0/24": "Lab Network" },
  },
  {
    name: "NetBox available prefixes: everything in the pools but the free /24 is used",
    file: "netbox-available-prefixes.json",
    format: "netbox-available-prefixes",
    options: { within: ["10.1.0.0/16"] },
    cidrs: [
      "10.1.0.0/24",
      "10.1.2.0/23",
      "10.1.4.0/22",
      "10.1.8.0/21",
      "10.1.16.0/20",
      "10.1.32.0/19",
      "10.1.64.0/18",
      "10.1.128.0/17",
    ],
    note: /lists 1 available prefix; everything else in the pools is taken as used/,
  },
  {
    name: "a plain prefix list with a CSV header, comments and a bare address",
    file: "prefix-list.txt",
    format: "prefix-list",
    cidrs: ["10.0.0.0/16", "172.16.0.0/12", "192.168.10.0/24", "10.250.0.1/32"],
    labels: { "10.0.0.0/16": "on-premises datacenter", "192.168.10.0/24": "branch office" },
  },
  {
    name: "aksnet scan -o json: whole VNets, what they peer with, the pools' subnets and the pod CIDRs",
    file: "aksnet-scan.json",
    format: "aksnet-scan",
    cidrs: SCAN_CIDRS,
    labels: {
      "10.20.0.0/16": "VNet vnet-spoke-weu",
      "10.0.0.0/16": "peered with VNet vnet-spoke-weu (spoke-to-hub)",
      "10.20.1.0/24": "subnet snet-aks-batch",
    },
  },
];

describe("readUsedSpace: fixtures", () => {
  it.each(FIXTURES)("$name", (c) => {
    const text = fixture(c.file);
    const u = readUsedSpace(text, c.file, c.options);
    expect(cidrs(u)).toEqual(c.cidrs);
    for (const [cidr, label] of Object.entries(c.labels ?? {}))
      expect(u.prefixes.find((p) => p.cidr === cidr)?.name).toBe(label);
    if (c.note) expect(u.notes.join("\n")).toMatch(c.note);
    if (!c.file.endsWith(".txt")) expect(detectUsedFormat(JSON.parse(text))).toBe(c.format);
    // The same with the format stated.
    expect(cidrs(readUsedSpace(text, c.file, { ...c.options, format: c.format as never }))).toEqual(c.cidrs);
  });

  it("labels each prefix with its source", () => {
    expect(readUsedSpace(fixture("avnm-pool-usage.json"), "x/pool-a.json").prefixes[0]?.source).toBe("avnm:pool-a");
    const scan = readUsedSpace(fixture("aksnet-scan.json"), "scan.json");
    expect(new Set(scan.prefixes.map((p) => p.source))).toEqual(new Set(["scan", "scan:pod-cidr"]));
    expect(readUsedSpace(fixture("netbox-prefixes.json"), "nb.json").prefixes[0]?.source).toBe("netbox");
    expect(readUsedSpace(fixture("azure-ipam-spaces.json"), "ipam.json").prefixes[0]?.source).toBe("azure-ipam");
    expect(readUsedSpace("10.0.0.0/8\n", "l.txt").prefixes[0]?.source).toBe("prefix-list");
  });

  it("names each scanned VNet's prefixes' network, and none for what its peerings reach", () => {
    const scan = readUsedSpace(fixture("aksnet-scan.json"), "scan.json").prefixes;
    const networkOf = (name: string) => [...new Set(scan.filter((p) => p.name === name).map((p) => p.network))];
    expect(networkOf("VNet vnet-spoke-weu")).toEqual(["vnet-spoke-weu"]);
    expect(networkOf("subnet snet-aks-batch")).toEqual(["vnet-spoke-weu"]);
    expect(networkOf("peered with VNet vnet-spoke-weu (spoke-to-hub)")).toEqual([undefined]);
    expect(scan.filter((p) => p.source === "scan:pod-cidr").every((p) => p.network === undefined)).toBe(true);
  });

  it("takes the AVNM pool's space that is neither available nor listed, and says so", () => {
    const u = readUsedSpace(
      JSON.stringify({
        addressPrefixes: ["10.0.0.0/16"],
        allocatedAddressPrefixes: ["10.0.0.0/24"],
        availableAddressPrefixes: ["10.0.128.0/17"],
        reservedAddressPrefixes: [],
      }),
      "p.json",
    );
    expect(cidrs(u)).toEqual([
      "10.0.0.0/24",
      "10.0.1.0/24",
      "10.0.2.0/23",
      "10.0.4.0/22",
      "10.0.8.0/21",
      "10.0.16.0/20",
      "10.0.32.0/19",
      "10.0.64.0/18",
    ]);
    expect(u.notes.join(" ")).toMatch(/7 ranges are neither available nor listed/);
  });

  it("reads Azure IPAM reservations and its virtual network list", () => {
    const resv = [
      {
        id: "A",
        cidr: "10.1.5.0/24",
        desc: null,
        createdOn: 1,
        createdBy: "u",
        settledOn: null,
        status: "wait",
        space: "s",
        block: "b",
      },
      { id: "B", cidr: "10.1.6.0/24", desc: null, createdOn: 1, createdBy: "u", settledOn: 2, status: "fulfilled" },
    ];
    expect(cidrs(readUsedSpace(JSON.stringify(resv), "r.json"))).toEqual(["10.1.5.0/24"]);
    const vnets = [
      {
        name: "v",
        id: "/subscriptions/s/x",
        type: "vnet",
        prefixes: ["10.2.0.0/16"],
        resource_group: "rg",
        subscription_id: "s",
        tenant_id: "t",
        peerings: [],
        size: 1,
      },
    ];
    expect(readUsedSpace(JSON.stringify(vnets), "v.json").prefixes).toEqual([
      { cidr: "10.2.0.0/16", source: "azure-ipam", name: "v", network: "v" },
    ]);
  });

  it("reads a scan from before vnets[] (subnets and pod CIDRs only) and says what it lacks", () => {
    const old = {
      summary: {},
      clusters: [{ name: "a", podCidr: { cidr: "10.244.0.0/16" } }],
      subnets: [{ name: "s", prefixes: ["10.20.0.0/24"] }],
      missing: [],
    };
    const u = readUsedSpace(JSON.stringify(old), "scan.json");
    expect(cidrs(u)).toEqual(["10.20.0.0/24", "10.244.0.0/16"]);
    expect(u.notes.join(" ")).toMatch(/not whole VNet address spaces/);
    expect(readUsedSpace(fixture("aksnet-scan.json"), "scan.json").notes.join(" ")).not.toMatch(/not whole VNet/);
  });

  it("masks host bits and says how many had them", () => {
    const u = readUsedSpace('["10.0.0.5/16", {"cidr": "10.9.9.9/8", "name": "x"}]', "l.json");
    expect(cidrs(u)).toEqual(["10.0.0.0/16", "10.0.0.0/8"]);
    expect(u.notes).toEqual(["l.json: 2 prefixes have host bits set; each is taken as its whole network."]);
  });

  it("skips lines of separators only (found by the fuzz test: an empty CSV row)", () => {
    expect(cidrs(readUsedSpace(",\n10.0.0.0/8,a\n;;\n", "l.txt"))).toEqual(["10.0.0.0/8"]);
  });

  it("keeps each (prefix, source, name) once, and IPv6 as it is", () => {
    expect(cidrs(readUsedSpace("10.0.0.0/16\n10.0.0.0/16\nfd00::/8\n", "l.txt"))).toEqual(["10.0.0.0/16", "fd00::/8"]);
  });

  it("NetBox available prefixes with no pools: the whole family outside them", () => {
    const u = readUsedSpace('[{"family": 4, "prefix": "128.0.0.0/1", "vrf": null}]', "a.json");
    expect(cidrs(u)).toEqual(["0.0.0.0/1"]);
    const none = readUsedSpace("[]", "a.json", { format: "netbox-available-prefixes", within: ["10.0.0.0/8"] });
    expect(cidrs(none)).toEqual(["10.0.0.0/8"]);
  });
});

const REFUSED: readonly { name: string; text: string; options?: ReadUsedOptions; message: RegExp }[] = [
  { name: "empty", text: "  \n", message: /^u\.json is empty; give the used space it should hold, or leave it out\.$/ },
  {
    name: "bad JSON",
    text: '{"a": [1, }',
    message: /^u\.json is not valid JSON at line 1: .*; fix it and run again\.$/,
  },
  { name: "UTF-16", text: "\u0000[\u0000]\u0000", message: /^u\.json is UTF-16 text/ },
  {
    name: "unknown JSON",
    text: '{"hello": "world"}',
    message: /^u\.json is not a used-space format aksnet reads: expected /,
  },
  { name: "empty list", text: "[]", message: /^u\.json is an empty list; if it is NetBox's available-prefixes/ },
  {
    name: "bad prefix in a list",
    text: '["10.0.0.0/33"]',
    message: /^u\.json: \[0\] "10\.0\.0\.0\/33" is not a CIDR prefix \(prefix length 33 .*\); fix the entry\.$/,
  },
  { name: "bad line", text: "10.0.0.0/8\nbogus here\n", message: /^u\.json: line 2 "bogus" is not a CIDR prefix/ },
  { name: "no prefixes in text", text: "# nothing\nprefix,name\n", message: /^u\.json holds no prefixes/ },
  {
    name: "AVNM with a number for a prefix",
    text: '{"allocatedAddressPrefixes": [42], "availableAddressPrefixes": []}',
    message:
      /^u\.json: allocatedAddressPrefixes\[0\] is number, not a CIDR prefix; give it as text like "10\.0\.0\.0\/16"\.$/,
  },
  {
    name: "AVNM with a list field that is not a list",
    text: '{"allocatedAddressPrefixes": [], "reservedAddressPrefixes": "10.0.0.0/8"}',
    message: /^u\.json: reservedAddressPrefixes is string, not a list; give the file as the tool wrote it\.$/,
  },
  {
    name: "Azure IPAM VNets by ID only",
    text: fixture("azure-ipam-spaces-ids-only.json"),
    message:
      /^u\.json: space TestSpace block TestBlock lists a virtual network by ID only; export it with \?expand=true so their prefixes are known\.$/,
  },
  {
    name: "NetBox page of many",
    text: JSON.stringify({
      count: 2861,
      next: "http://netbox/api/ipam/prefixes/?limit=50&offset=50",
      previous: null,
      results: [{ id: 1, prefix: "10.0.0.0/24" }],
    }),
    message: /^u\.json holds one page \(1 of 2861 prefixes\); fetch them all in one file with \?limit=0/,
  },
  {
    name: "a JSON format named for text",
    text: "10.0.0.0/8",
    options: { format: "netbox-prefixes" },
    message: /^u\.json is not JSON, so it is not netbox-prefixes/,
  },
  {
    name: "an unknown format",
    text: "10.0.0.0/8",
    options: { format: "csv" as never },
    message: /^the format "csv" of u\.json is not one aksnet reads; use one of auto, /,
  },
  {
    name: "a bad pool for available prefixes",
    text: '[{"family":4,"prefix":"10.0.0.0/24","vrf":null}]',
    options: { within: ["10.0.0.0/99"] },
    message: /^u\.json: the pool "10\.0\.0\.0\/99" it applies to is not a CIDR prefix/,
  },
  {
    name: "a huge string",
    text: JSON.stringify(["1".repeat(100_000)]),
    message: /^u\.json: \[0\] is 100000 characters long, not a CIDR prefix; fix the entry\.$/,
  },
  {
    name: "scan with a bad subnet prefix",
    text: JSON.stringify({ summary: {}, clusters: [], subnets: [{ name: "s", prefixes: ["x"] }], missing: [] }),
    message: /^u\.json: subnets\[0\]\.prefixes\[0\] "x" is not a CIDR prefix/,
  },
];

describe("readUsedSpace: refused input is one sentence naming the file", () => {
  it.each(REFUSED)("$name", ({ text, options, message }) => {
    let error: unknown;
    try {
      readUsedSpace(text, "u.json", options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsedSpaceError);
    const m = (error as Error).message;
    expect(m).toMatch(message);
    expect(m.split("\n")).toHaveLength(1);
    expect(m.endsWith(".")).toBe(true);
  });
});

describe("AVNM associated resources: the network each prefix belongs to", () => {
  const ID = "/subscriptions/1/resourceGroups/rg/providers/Microsoft.Network";
  const POOL = `${ID}/networkManagers/nm/ipamPools/spokes`;
  const read = (v: unknown) => readUsedSpace(JSON.stringify(v), "assoc.json");
  it.each([
    {
      name: "the REST example: its VNet, its pool",
      value: JSON.parse(fixture("avnm-associated-resources.json")) as unknown,
      want: [{ cidr: "10.0.0.0/24", network: "testVnet", source: "avnm:TestPool" }],
    },
    {
      name: "a subnet's association names its VNet; reserved prefixes count too",
      value: [
        {
          resourceId: `${ID}/virtualNetworks/vnet-a/subnets/nodes`,
          poolId: POOL,
          addressPrefixes: ["10.1.0.0/24"],
          reservedPrefixes: ["10.1.1.0/24"],
        },
      ],
      want: [
        { cidr: "10.1.0.0/24", network: "vnet-a", source: "avnm:spokes" },
        { cidr: "10.1.1.0/24", network: "vnet-a", source: "avnm:spokes" },
      ],
    },
    {
      name: "the REST body ({ value }) and PowerShell's PascalCase",
      value: { value: [{ ResourceId: `${ID}/virtualNetworks/vnet-b`, AddressPrefixes: ["10.2.0.0/22"] }] },
      want: [{ cidr: "10.2.0.0/22", network: "vnet-b", source: "avnm:assoc" }],
    },
    {
      name: "a resource that is not a VNet: no network, and a note",
      value: [
        { resourceId: `${ID}/networkManagers/nm/ipamPools/spokes/staticCidrs/s1`, addressPrefixes: ["10.3.0.0/24"] },
      ],
      want: [{ cidr: "10.3.0.0/24", network: undefined, source: "avnm:assoc" }],
    },
  ])("$name", ({ value, want }) => {
    const u = read(value);
    expect(u.prefixes.map((p) => ({ cidr: p.cidr, network: p.network, source: p.source }))).toEqual(want);
  });

  it("names what is not a VNet in a note", () => {
    const u = read([
      { resourceId: `${ID}/networkManagers/nm/ipamPools/p/staticCidrs/s`, addressPrefixes: ["10.3.0.0/24"] },
    ]);
    expect(u.notes.join("\n")).toMatch(/1 associated resource is not a VNet/);
  });
});
