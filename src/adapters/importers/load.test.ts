import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlanFiles, loadPlanText, parseAzureId, PlanLoadError, splitPath, type PlanFormat } from "./index.js";

const fixture = (name: string) => ({
  text: readFileSync(join(import.meta.dirname, "fixtures", name), "utf8"),
  fileName: name,
});

describe("importers: formats detected from content and mapped to a plan", () => {
  it.each([
    {
      name: "recorded ARM response of a dual-stack kubenet cluster (azure-cli recording)",
      files: ["arm-dualstack-kubenet.json"],
      formats: ["arm"],
      expect: {
        name: "cliakstest000002",
        kubernetesVersion: "1.27.1",
        network: {
          plugin: "kubenet",
          podCidrs: ["10.244.0.0/16", "fd5c:510c:cbc5:aaf::/64"],
          serviceCidrs: ["10.0.0.0/16", "fdcd:e5a1:4ed0:5ca9::/108"],
          dnsServiceIp: "10.0.0.10",
          outboundType: "loadBalancer",
          ipFamilies: ["IPv4", "IPv6"],
        },
        nodePools: [{ name: "nodepool1", mode: "System", os: "Linux", count: 3, maxPods: 110 }],
      },
    },
    {
      name: "recorded ARM VNet response (azure-cli recording)",
      files: ["arm-vnet-byo-subnet.json"],
      formats: ["az-vnet"],
      expect: {
        vnet: {
          name: "cliakstest000003",
          addressSpace: ["11.0.0.0/16"],
          subnets: [{ name: "aks-subnet", cidr: "11.0.0.0/24" }],
        },
      },
    },
    {
      name: "recorded ARM deployment template (quickstart): parameter defaults used, other expressions left out",
      files: ["arm-template-quickstart-aks.json"],
      formats: ["arm-template"],
      expect: { name: "aks101cluster", nodePools: [{ name: "agentpool", mode: "System", os: "Linux", count: 3 }] },
    },
    {
      name: "az aks show (flattened casing) + az network vnet list picks the cluster's VNet",
      files: ["az-aks-show-overlay.json", "az-vnet-list.json"],
      formats: ["az-aks-show", "az-vnet"],
      expect: {
        network: {
          plugin: "azure",
          pluginMode: "overlay",
          dataplane: "azure",
          policy: "none",
          podCidrs: ["10.244.0.0/16"],
          serviceCidrs: ["10.0.0.0/16"],
          dnsServiceIp: "10.0.0.10",
        },
        vnet: {
          name: "vnet-hub-spoke",
          resourceGroup: "rg-net",
          addressSpace: ["10.224.0.0/12"],
          subnets: [
            { name: "snet-aks", cidr: "10.224.0.0/24" },
            { name: "snet-aci", cidr: "10.224.1.0/28", delegation: "Microsoft.ContainerInstance/containerGroups" },
          ],
        },
        connectedNetworks: [{ name: "to-hub", cidrs: ["10.0.0.0/16"], kind: "peering" }],
        nodePools: [
          {
            name: "system",
            mode: "System",
            os: "Linux",
            count: 3,
            minCount: 3,
            maxCount: 20,
            maxPods: 250,
            maxSurge: "10%",
            subnet: "snet-aks",
          },
          { name: "win22", mode: "User", os: "Windows2022", count: 2, maxPods: 110, subnet: "snet-aks" },
        ],
      },
    },
    {
      name: "terraform show -json: subnet resolved through configuration references",
      files: ["terraform-plan-overlay.json"],
      formats: ["terraform-plan"],
      expect: {
        name: "aks-main",
        network: {
          plugin: "azure",
          pluginMode: "overlay",
          dataplane: "cilium",
          policy: "cilium",
          podCidrs: ["10.244.0.0/16"],
          serviceCidrs: ["10.0.0.0/16"],
          dnsServiceIp: "10.0.0.10",
          ipFamilies: ["IPv4"],
        },
        vnet: {
          name: "vnet-aks",
          addressSpace: ["10.240.0.0/16"],
          subnets: [{ name: "snet-nodes", cidr: "10.240.0.0/22" }],
        },
        connectedNetworks: [{ name: "spoke-to-hub", cidrs: ["10.0.0.0/16"], kind: "peering" }],
        nodePools: [
          {
            name: "system",
            mode: "System",
            count: 3,
            minCount: 3,
            maxCount: 10,
            maxPods: 110,
            maxSurge: "33%",
            subnet: "snet-nodes",
          },
          { name: "user", mode: "User", os: "Linux", count: 5, maxPods: 250, subnet: "snet-nodes" },
        ],
      },
    },
  ])("$name", ({ files, formats, expect: want }) => {
    const r = loadPlanFiles(files.map(fixture));
    expect(r.problems).toEqual([]);
    expect(r.formats).toEqual(formats as PlanFormat[]);
    expect(r.plan).toMatchObject(want);
  });
});

describe("importers: locate() maps plan paths to the key of the field in its file (line, column)", () => {
  it.each([
    {
      name: "aksnet YAML: a list item",
      files: [{ text: "network:\n  podCidrs:\n    - 10.0.0.0/8\n", fileName: "a.yaml" }],
      path: "network.podCidrs[0]",
      at: { file: "a.yaml", line: 3, column: 7 },
    },
    {
      name: "aksnet YAML: a missing field points at its parent",
      files: [{ text: "nodePools:\n  - name: a\n", fileName: "a.yaml" }],
      path: "nodePools[0].maxPods",
      at: { file: "a.yaml", line: 2, column: 5 },
    },
    {
      name: "ARM: the pool's maxPods",
      files: [fixture("arm-dualstack-kubenet.json")],
      path: "nodePools[0].maxPods",
      at: { file: "arm-dualstack-kubenet.json", line: 24, column: 6 },
    },
    {
      name: "ARM VNet: the subnet prefix",
      files: [fixture("arm-vnet-byo-subnet.json")],
      path: "vnet.subnets[0].cidr",
      at: { file: "arm-vnet-byo-subnet.json", line: 26, column: 11 },
    },
    {
      name: "merged: a VNet field in the second file",
      files: [fixture("az-aks-show-overlay.json"), fixture("az-vnet-list.json")],
      path: "vnet.subnets[1].delegation",
      at: { file: "az-vnet-list.json", line: 18, column: 9 },
    },
    {
      name: "terraform: the pod CIDR",
      files: [fixture("terraform-plan-overlay.json")],
      path: "network.podCidrs",
      at: { file: "terraform-plan-overlay.json", line: 111, column: 17 },
    },
  ])("$name", ({ files, path, at }) => {
    expect(loadPlanFiles(files).locate(path)).toEqual(at);
  });
});

describe("importers: unreadable input is one sentence naming the file", () => {
  it.each([
    { name: "empty", text: "", message: /^x\.yaml is empty; give an aksnet plan/, loads: false },
    { name: "only a comment", text: "# nothing\n", message: /^x\.yaml is empty/ },
    { name: "a scalar", text: "hello", message: /^x\.yaml is not a format aksnet reads/ },
    {
      name: "JSON cut short",
      text: '{"a": ',
      message:
        /^x\.yaml:1:7: not valid JSON: the text ends before the document is complete \(a \} or \] is missing, or the file was cut short\); fix it and run again\.$/,
    },
    {
      name: "JSON cut short after an opening brace",
      text: '{"name": "aks", "network": {',
      message: /^x\.yaml:1:29: not valid JSON: the text ends before the document is complete/,
    },
    {
      name: "a missing comma in JSON",
      text: '{"name": "aks"\n "network": {}}',
      message: /^x\.yaml:2:2: not valid JSON: expected , or \} after a value; fix it and run again\.$/,
    },
    {
      name: "a trailing comma in JSON is read as YAML flow, which allows it",
      text: '{"name": "aks", "network": {"plugin": "azure"},}',
      message: /never/,
      loads: true,
    },
    {
      name: "a UTF-8 byte order mark before JSON is skipped",
      text: '\uFEFF{"name": "aks", "network": {"plugin": "azure"}}',
      message: /never/,
      loads: true,
    },
    {
      name: "a UTF-8 byte order mark before YAML is skipped",
      text: "\uFEFFname: aks\nnetwork: { plugin: azure }\n",
      message: /never/,
      loads: true,
    },
    {
      name: "an unresolved alias (found by fuzzing)",
      text: "*!",
      message: /^x\.yaml: not valid YAML: an alias \(\*name\) refers to no anchor \(&name\); fix it and run again\.$/,
    },
    {
      name: "lists nested 100,000 deep (found by the breaker: it said 'its aliases expand too far')",
      text: `name: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
      message:
        /^x\.yaml:1:263: not valid YAML: it nests lists or mappings more than 256 levels deep \(a plan needs fewer than ten\); fix it and run again\.$/,
    },
    {
      name: "mappings nested 5,000 deep",
      text: Array.from({ length: 5_000 }, (_, i) => `${"  ".repeat(i)}k${i}:\n`).join(""),
      message: /^x\.yaml:130:257: not valid YAML: it nests lists or mappings more than 256 levels deep/,
    },
    {
      name: "deep JSON that JSON.parse refuses (a trailing comma) is not handed to the YAML parser",
      text: `{"name": ${"[".repeat(300)}${"]".repeat(300)},}`,
      message: /^x\.yaml:1:611: not valid JSON: expected a field name in double quotes \(a trailing comma\?\)/,
    },
    {
      name: "duplicate keys",
      text: "network: {}\nnetwork: {}\n",
      message: /^x\.yaml:2:1: not valid YAML: a key appears twice in the same mapping; fix it and run again\.$/,
    },
    {
      name: "several YAML documents (the yaml package says: please use YAML.parseAllDocuments())",
      text: "name: a\n---\nname: b\n",
      message:
        /^x\.yaml:2:1: not valid YAML: it holds several YAML documents \(separated by ---\), and aksnet reads one plan a file; put each plan in its own file\.$/,
    },
    {
      name: "an unclosed flow mapping",
      text: "name: aks\nnetwork: {plugin: azure\n",
      message: /^x\.yaml:3:1: not valid YAML: a \{ is not closed with \}; fix it and run again\.$/,
    },
    {
      name: "a tab as indentation",
      text: "network:\n\tplugin: azure\n",
      message: /^x\.yaml:2:1: not valid YAML: a tab indents this line; YAML indents with spaces/,
    },
    {
      name: "UTF-16 LE with a byte order mark, decoded as UTF-8 (Windows PowerShell 5.1 >)",
      text: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"name":"aks"}', "utf16le")]).toString("utf8"),
      message:
        /^x\.yaml is UTF-16 text \(Windows PowerShell 5\.1 writes it with >\); save it as UTF-8, e\.g\. with \| Out-File -Encoding utf8, and run again\.$/,
    },
    {
      name: "UTF-16 BE without a byte order mark",
      text: Buffer.from('{"name":"aks"}', "utf16le").swap16().toString("utf8"),
      message: /^x\.yaml is UTF-16 text/,
    },
    {
      name: "a binary file",
      text: "PK\u0003\u0004\u0000\u0000 some zip bytes and more text after them",
      message: /^x\.yaml holds NUL bytes, so it is not a text file; give the YAML or JSON file\.$/,
    },
  ])("$name", ({ text, message, loads }) => {
    if (loads) {
      expect(loadPlanText(text, "x.yaml").plan?.network.plugin).toBe("azure");
      return;
    }
    expect(() => loadPlanText(text, "x.yaml")).toThrow(PlanLoadError);
    expect(() => loadPlanText(text, "x.yaml")).toThrow(message);
  });

  it("notes a VNet list without the cluster's VNet", () => {
    const r = loadPlanFiles([
      fixture("az-aks-show-overlay.json"),
      {
        text: JSON.stringify([{ name: "v1", addressSpace: { addressPrefixes: ["10.0.0.0/16"] } }]),
        fileName: "v.json",
      },
    ]);
    expect(r.notes).toEqual(['v.json: no VNet named "vnet-hub-spoke" (found: v1); its VNets were not used.']);
  });
});

describe("importers: plan keys named like Object.prototype members are plain fields (found by the breaker)", () => {
  it.each([
    { name: "constructor", key: "constructor" },
    { name: "toString", key: "toString" },
    { name: "hasOwnProperty", key: "hasOwnProperty" },
    { name: "__proto__ (was taken as the plan object's prototype and dropped)", key: "__proto__" },
  ])("a top-level $name is an unknown field, with no note about an earlier file", ({ key }) => {
    const text = `apiVersion: aksnet/v1\nkind: ClusterPlan\nname: aks\n${key}: { polluted: 1 }\n`;
    const r = loadPlanText(text, "x.yaml");
    expect(r.notes).toEqual([]);
    expect(r.problems.map((p) => p.message)).toContainEqual(expect.stringContaining(`unknown field "${key}"`));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    { name: "a JSON plan", text: '{"apiVersion": "aksnet/v1", "kind": "ClusterPlan", "name": "aks", "__proto__": {}}' },
  ])("$name with __proto__ is reported too", ({ text }) => {
    expect(loadPlanText(text, "x.json").problems.map((p) => p.path)).toContainEqual(["__proto__"]);
  });

  it.each([
    { id: "/subscriptions/s/constructor/x/virtualNetworks/v", want: { subscription: "s", vnet: "v" } },
    { id: "/__proto__/x/toString/y", want: undefined },
  ])("parseAzureId($id) reads only its own words", ({ id, want }) => {
    expect(parseAzureId(id)).toEqual(want);
  });
});

describe("splitPath", () => {
  it.each([
    ["", []],
    ["network.podCidrs[0]", ["network", "podCidrs", 0]],
    ["nodePools[12].maxSurge", ["nodePools", 12, "maxSurge"]],
  ])("%s", (text, keys) => {
    expect(splitPath(text)).toEqual(keys);
  });
});

describe("importers: a cluster record's pool list that is not a list is handed on, not dropped", () => {
  it.each([
    { name: "a mapping", pools: { name: "np" } },
    { name: "a string", pools: "x" },
  ])("agentPoolProfiles as $name becomes nodePools, located at agentPoolProfiles", ({ pools }) => {
    const cluster = JSON.parse(fixture("az-aks-show-overlay.json").text) as Record<string, unknown>;
    cluster.agentPoolProfiles = pools;
    const loaded = loadPlanText(JSON.stringify(cluster, null, 2), "bad-pools.json");
    expect(loaded.plan).toBeUndefined();
    expect(loaded.problems.map((p) => p.path)).toContainEqual(["nodePools"]);
    expect(loaded.locate("nodePools")).toMatchObject({ file: "bad-pools.json", line: 2, column: 3 });
  });
});
