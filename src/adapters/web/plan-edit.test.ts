import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PRESETS } from "./presets.js";
import fc from "fast-check";
import {
  applyFieldEdit,
  editPlanText,
  PLAN_FIELDS,
  prepareEdit,
  removedBySwitch,
  REQUIREMENT_FIELDS,
  type FieldDef,
} from "./plan-edit.js";
import { computeView, readPlanText } from "./compute.js";
import { resolvePlan } from "../../engines/plan/index.js";
import { DEFAULT_STATE, EXAMPLE_PLAN } from "./state.js";

const field = (id: string) => {
  const f = [...PLAN_FIELDS, ...REQUIREMENT_FIELDS].find((x) => x.id === id);
  if (!f) throw new Error(id);
  return f;
};

describe("applyFieldEdit", () => {
  const cases: { name: string; text: string; field: string; value: string; expect: Record<string, unknown> }[] = [
    {
      name: "model overlay sets plugin and mode",
      text: "network: { plugin: kubenet }\n",
      field: "model",
      value: "azure-cni-overlay",
      expect: { network: { plugin: "azure", pluginMode: "overlay" } },
    },
    {
      name: "model kubenet drops the mode",
      text: "network: { plugin: azure, pluginMode: overlay }\n",
      field: "model",
      value: "kubenet",
      expect: { network: { plugin: "kubenet" } },
    },
    {
      name: "model pod subnet static sets every pool's allocation and pod subnet (the VNet's pods subnet)",
      text: "vnet: { subnets: [{ name: p, purpose: pods }] }\nnodePools: [{ name: a }, { name: b }]\n",
      field: "model",
      value: "azure-cni-pod-subnet-static",
      expect: {
        network: { plugin: "azure" },
        vnet: { subnets: [{ name: "p", purpose: "pods" }] },
        nodePools: [
          { name: "a", podIpAllocation: "StaticBlock", podSubnet: "p" },
          { name: "b", podIpAllocation: "StaticBlock", podSubnet: "p" },
        ],
      },
    },
    {
      name: "node count creates the first pool",
      text: "",
      field: "count",
      value: "12",
      expect: { nodePools: [{ name: "system", mode: "System", count: 12 }] },
    },
    {
      name: "a count that is not a number stays text for the schema to name",
      text: "nodePools: [{ name: a, count: 3 }]\n",
      field: "count",
      value: "ten",
      expect: { nodePools: [{ name: "a", count: "ten" }] },
    },
    {
      name: "empty clears the field",
      text: "network: { dnsServiceIp: 10.0.0.10 }\n",
      field: "dnsServiceIp",
      value: "",
      expect: { network: {} },
    },
    {
      name: "pod CIDR list",
      text: "{}",
      field: "podCidr",
      value: "10.244.0.0/16, fd00::/64",
      expect: { network: { podCidrs: ["10.244.0.0/16", "fd00::/64"] } },
    },
    {
      name: "node subnet edits the subnet the first pool names",
      text:
        "vnet: { addressSpace: [10.0.0.0/8], subnets: [{ name: x, cidr: 10.1.0.0/24 }, { name: nodes, cidr: " +
        "10.2.0.0/24 }] }\nnodePools: [{ name: a, subnet: nodes }]\n",
      field: "nodeSubnet",
      value: "10.2.0.0/22",
      expect: {
        vnet: {
          addressSpace: ["10.0.0.0/8"],
          subnets: [
            { name: "x", cidr: "10.1.0.0/24" },
            { name: "nodes", cidr: "10.2.0.0/22" },
          ],
        },
        nodePools: [{ name: "a", subnet: "nodes" }],
      },
    },
    {
      name: "node subnet without a VNet creates one",
      text: "{}",
      field: "nodeSubnet",
      value: "10.224.0.0/24",
      expect: {
        nodePools: [{ name: "system", mode: "System", subnet: "aks-nodes" }],
        vnet: { name: "vnet-aks", addressSpace: [], subnets: [{ name: "aks-nodes", cidr: "10.224.0.0/24" }] },
      },
    },
    {
      name: "a requirement checkbox sets true",
      text: "{}",
      field: "req-windows",
      value: "true",
      expect: { requirements: { windows: true } },
    },
    {
      name: "unchecking the last requirement removes the section",
      text: "requirements: { windows: true }\n",
      field: "req-windows",
      value: "false",
      expect: {},
    },
    {
      name: "node public IPs on the first pool",
      text: "nodePools: [{ name: system, mode: System }]\n",
      field: "nodePublicIp",
      value: "true",
      expect: { nodePools: [{ name: "system", mode: "System", nodePublicIp: true }] },
    },
    {
      name: "node public IPs off take the first pool's prefix with them",
      text:
        "nodePools:\n  - name: edge\n    nodePublicIp: true\n    nodePublicIpPrefix: 20.50.60.0/28\n" +
        "    nodePublicIpPrefixId: /x/publicIPPrefixes/p\n  - { name: b, nodePublicIp: true }\n",
      field: "nodePublicIp",
      value: "false",
      expect: { nodePools: [{ name: "edge" }, { name: "b", nodePublicIp: true }] },
    },
    {
      name: "a prefix ID on the first pool, trimmed",
      text: "nodePools: [{ name: edge, nodePublicIp: true }]\n",
      field: "nodePublicIpPrefixId",
      value: " /x/publicIPPrefixes/p ",
      expect: { nodePools: [{ name: "edge", nodePublicIp: true, nodePublicIpPrefixId: "/x/publicIPPrefixes/p" }] },
    },
    {
      name: "an empty prefix ID removes it",
      text: "nodePools: [{ name: edge, nodePublicIp: true, nodePublicIpPrefixId: /x }]\n",
      field: "nodePublicIpPrefixId",
      value: "",
      expect: { nodePools: [{ name: "edge", nodePublicIp: true }] },
    },
  ];
  it.each(cases)("$name", ({ text, field: id, value, expect: want }) => {
    const out = applyFieldEdit(text, field(id), value);
    expect(out).toBeDefined();
    expect(parse(out as string) ?? {}).toEqual(want);
  });

  it("a scalar edit changes only that scalar's characters", () => {
    const text =
      "# my cluster\nname: a  # keep\nnodePools:\n  - { name: system,   count: 3 }   # pool\n  - name: user\n    " +
      "count: 3\n";
    expect(applyFieldEdit(text, field("count"), "12")).toBe(text.replace("count: 3 }", "count: 12 }"));
  });

  it("a structural edit rewrites only the sections it changes, keeping comments", () => {
    const out = applyFieldEdit(
      "# my cluster\nname: a  # keep\nnodePools:\n  - name: system\n    count: 3\n",
      field("maxPods"),
      "50",
    );
    expect(out).toBe("# my cluster\nname: a  # keep\nnodePools:\n  - name: system\n    count: 3\n    maxPods: 50\n");
  });

  it("a model switch writes network and nodePools again and leaves every other character alone", () => {
    const vnet =
      "vnet:\n  name: v   # odd spacing kept\n  subnets:\n    - {name: a,   cidr: 10.0.0.0/24}\n" +
      "    - {name: aks-pods, cidr: 10.0.1.0/24}\n";
    const text = `name: a\nnetwork:\n  plugin: kubenet\n  podCidrs: [10.244.0.0/16]\n${vnet}nodePools:\n  - name: p\n`;
    const out = applyFieldEdit(text, field("model"), "azure-cni-pod-subnet-static") ?? "";
    expect(out).toContain(vnet);
    expect(out.startsWith("name: a\nnetwork:\n  plugin: azure\n")).toBe(true);
    expect(parse(out)).toEqual({
      name: "a",
      network: { plugin: "azure" },
      vnet: parse(vnet).vnet,
      nodePools: [{ name: "p", podIpAllocation: "StaticBlock", podSubnet: "aks-pods" }],
    });
  });

  it("chained edits, spliced or rewritten, always give text that parses to the value they return", () => {
    const scalarish = PLAN_FIELDS.filter((f) => f.scalarPath);
    const edit = fc.record({
      field: fc.constantFrom(...scalarish, ...PLAN_FIELDS, ...REQUIREMENT_FIELDS),
      value: fc.oneof(
        fc.constantFrom(
          "",
          "7",
          "1.31",
          "10.9.0.0/16",
          "azure",
          "cilium",
          "a,b",
          "x: y",
          "'q'",
          '"dq"',
          "#c",
          "ten",
          "1e3",
          "kubenet",
          "azure-cni-overlay",
          "azure-cni-pod-subnet-static",
          "azure-cni-node-subnet",
          "true",
        ),
        fc.string({ maxLength: 12 }),
      ),
    });
    const json = JSON.stringify(parse(EXAMPLE_PLAN), null, 2);
    const commented = `# plan\n${EXAMPLE_PLAN.replace("network:", "\n# the network\nnetwork:  # here")}# end\n`;
    fc.assert(
      fc.property(
        fc.constantFrom(EXAMPLE_PLAN, json, commented, ...PRESETS.map((p) => p.text)),
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        (start, edits) => {
          let text = start;
          for (const e of edits) {
            const next = editPlanText(text, e.field, e.value);
            expect(next).toBeDefined();
            if (!next) return;
            // A refused edit (a Pod Subnet switch with no room) keeps the text and returns no value.
            if (next.refused !== undefined) {
              expect(next.text).toBe(text);
              continue;
            }
            expect(parse(next.text)).toEqual(next.value);
            text = next.text;
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("the document kept between edits (ranges settled late or when idle) writes what a fresh parse writes", () => {
    const ids = ["model", "dataplane", "count", "maxPods", "nodeSubnet", "dnsServiceIp", "kubernetesVersion"];
    const edit = fc.record({
      field: fc.constantFrom(
        ...[...PLAN_FIELDS, ...REQUIREMENT_FIELDS].filter((f) => ids.includes(f.id) || f.id.startsWith("req-")),
      ),
      value: fc.constantFrom(
        "",
        "7",
        "12",
        "1.31",
        "10.9.0.0/24",
        "cilium",
        "kubenet",
        "azure-cni-overlay",
        "azure-cni-pod-subnet-dynamic",
        "azure-cni-node-subnet",
        "true",
        "a b",
      ),
      idle: fc.boolean(),
      // Slices of a preparation when idle, each stopped at its first look at the clock; the edit finishes it.
      slices: fc.integer({ min: 0, max: 3 }),
    });
    const chain = (
      start: string,
      edits: readonly { field: FieldDef; value: string; idle: boolean; slices: number }[],
      fresh: boolean,
    ) => {
      const texts: string[] = [];
      let text = start;
      for (const e of edits) {
        // Another text's document: the next edit parses its text again.
        if (fresh) prepareEdit("other: 1\n");
        else if (e.idle) prepareEdit(text);
        else for (let i = 0; i < e.slices; i++) prepareEdit(text, 0);
        text = editPlanText(text, e.field, e.value)?.text ?? text;
        texts.push(text);
      }
      return texts;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(EXAMPLE_PLAN, ...PRESETS.map((p) => p.text)),
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        (start, edits) => {
          expect(chain(start, edits, false)).toEqual(chain(start, edits, true));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("a refused edit in a chain keeps the text (seed 135105358: maxCount true, then a switch to static blocks)", () => {
    const f = (id: string) => PLAN_FIELDS.find((x) => x.id === id)!;
    const first = editPlanText(EXAMPLE_PLAN, f("maxCount"), "true")!;
    const switched = editPlanText(first.text, f("model"), "azure-cni-pod-subnet-static")!;
    expect(switched.refused).toBeDefined();
    expect(switched.text).toBe(first.text);
  });

  it.each([
    ["broken YAML", "network: [\n"],
    ["a list at the top", "- a\n- b\n"],
  ])("refuses %s", (_n, text) => {
    expect(applyFieldEdit(text, field("count"), "3")).toBeUndefined();
  });

  it("every plan field reads back what it wrote, on the example plan", () => {
    const values: Record<string, string> = {
      model: "azure-cni-node-subnet",
      dataplane: "azure",
      kubernetesVersion: "1.31",
      addressSpace: "10.0.0.0/8, 172.16.0.0/12",
      nodeSubnet: "10.224.4.0/22",
      podCidr: "10.250.0.0/16",
      serviceCidr: "10.2.0.0/16",
      dnsServiceIp: "10.2.0.10",
      count: "7",
      maxCount: "20",
      maxPods: "50",
      nodePublicIp: "true",
      nodePublicIpPrefixId: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/publicIPPrefixes/p",
    };
    for (const f of PLAN_FIELDS) {
      const text = applyFieldEdit(EXAMPLE_PLAN, f, values[f.id] ?? "");
      const { plan } = readPlanText(text ?? "");
      expect(plan, f.id).toBeDefined();
      if (plan) expect(f.read(plan, resolvePlan(plan)), f.id).toBe(values[f.id]);
    }
  });
});

describe("the form is coupled to the model", () => {
  const COHERENCE_RULES = [
    "pod-cidr-needs-overlay",
    "policy-unsupported-for-network",
    "plugin-combination-unsupported",
  ];
  const model = field("model");
  const dataplane = field("dataplane");
  const cases = PRESETS.filter((p) => p.id !== "automatic").flatMap((p) =>
    (model.options ?? []).flatMap(([m]) =>
      (["azure", "cilium"] as const).map((d) => ({ preset: p.id, text: p.text, m, d })),
    ),
  );
  it.each(cases)("$preset → $m on $d: no setting left that the model or dataplane refuses", ({ text, m, d }) => {
    let out = applyFieldEdit(text, model, m) ?? "";
    const view = computeView({ ...DEFAULT_STATE, planText: out });
    // The dataplane is only offered where the model runs on both.
    if (view.plan && !dataplane.inapplicable?.(view.plan, view.resolved)) out = applyFieldEdit(out, dataplane, d) ?? "";
    const after = computeView({ ...DEFAULT_STATE, planText: out });
    // A pod-subnet model needs a pod subnet the plan names; without one the plan still reads as Node Subnet
    // (check then asks for the pod subnet).
    if (!m.startsWith("azure-cni-pod-subnet") || text.includes("podSubnet:")) expect(after.resolved?.model).toBe(m);
    expect(after.findings?.filter((f) => COHERENCE_RULES.includes(f.ruleId)).map((f) => f.message)).toEqual([]);
  });

  it("the prefix ID is disabled unless the first pool has node public IPs; switching them off is said", () => {
    const view = (t: string) => computeView({ ...DEFAULT_STATE, planText: t });
    const id = field("nodePublicIpPrefixId");
    const off = view(EXAMPLE_PLAN);
    expect(id.inapplicable?.(off.plan!, off.resolved)).toBe("the first pool's nodes have no public IPs");
    const onText = applyFieldEdit(EXAMPLE_PLAN, field("nodePublicIp"), "true") ?? "";
    const on = view(onText);
    expect(id.inapplicable?.(on.plan!, on.resolved)).toBeUndefined();
    const withId = applyFieldEdit(onText, id, "/x/publicIPPrefixes/p") ?? "";
    const before = view(withId).plan!;
    const after = parse(applyFieldEdit(withId, field("nodePublicIp"), "false") ?? "");
    expect(removedBySwitch(before, after)).toEqual(["nodePools[0].nodePublicIpPrefixId /x/publicIPPrefixes/p"]);
    // Clearing the ID itself is an edit, not a switch.
    expect(removedBySwitch(before, parse(applyFieldEdit(withId, id, "") ?? ""))).toEqual([]);
  });

  it("a pod CIDR field is disabled where pods take VNet addresses, the dataplane where there is one choice", () => {
    const view = (t: string) => computeView({ ...DEFAULT_STATE, planText: t });
    const nodeSubnet = view(applyFieldEdit(EXAMPLE_PLAN, model, "azure-cni-node-subnet") ?? "");
    expect(field("podCidr").inapplicable?.(nodeSubnet.plan!, nodeSubnet.resolved)).toMatch(/no pod CIDR/);
    expect(field("podCidr").inapplicable?.(view(EXAMPLE_PLAN).plan!, view(EXAMPLE_PLAN).resolved)).toBeUndefined();
    const kubenet = view(applyFieldEdit(EXAMPLE_PLAN, model, "kubenet") ?? "");
    expect(dataplane.inapplicable?.(kubenet.plan!, kubenet.resolved)).toMatch(/Azure dataplane only/);
    expect(kubenet.plan?.network.policy).toBeUndefined();
  });
});
