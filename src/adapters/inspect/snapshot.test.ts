import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readDumps } from "./dump.js";
import type { ResourceKind } from "../../engines/inspect/index.js";
import { SnapshotBuilder } from "./snapshot-builder.js";

const FIXTURES = join(import.meta.dirname, "fixtures");
const tmp = mkdtempSync(join(tmpdir(), "aksnet-snapshot-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("SnapshotBuilder", () => {
  it("never throws on arbitrary objects, whatever resource they are added as", () => {
    const kinds: (ResourceKind | undefined)[] = ["nodes", "pods", "daemonsets", "nodenetworkconfigs", undefined];
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...kinds), (value, kind) => {
        const b = new SnapshotBuilder();
        b.add(value, kind);
        b.add({ kind: "Node", metadata: { name: "n", labels: value }, spec: value, status: value });
        b.add({ kind: "Pod", metadata: { name: "p" }, spec: value, status: { podIPs: value, podIP: value } });
        b.build();
      }),
      { numRuns: 500 },
    );
  });

  it("keeps only the AKS labels, the InternalIPs and the pod ranges of a real kubenet node", async () => {
    const s = await readDumps([join(FIXTURES, "kubenet.json")]);
    expect(s.nodes[0]).toEqual({
      name: "aks-agentpool-30520393-vmss000000",
      pool: "agentpool",
      os: "linux",
      annotations: {
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
      labels: {
        "kubernetes.azure.com/node-image-version": "AKSUbuntu-1804gen2-2021.06.12",
        "kubernetes.azure.com/os-sku": "Ubuntu",
        "kubernetes.azure.com/role": "agent",
      },
      internalIps: ["10.240.0.4"],
      podCidrs: ["10.244.1.0/24"],
      maxPods: 110,
      ready: true,
      networkUnavailableReason: "RouteCreated",
      kubeletVersion: "v1.18.19",
      virtual: false,
    });
  });

  it("gives the same snapshot from one file or from cluster and NodeNetworkConfig files, in any order", async () => {
    const all = JSON.parse(readFileSync(join(FIXTURES, "overlay.json"), "utf8")) as { items: { kind: string }[] };
    const nnc = all.items.filter((i) => i.kind === "NodeNetworkConfig");
    const rest = all.items.filter((i) => i.kind !== "NodeNetworkConfig").reverse();
    writeFileSync(join(tmp, "cluster.json"), JSON.stringify({ apiVersion: "v1", kind: "List", items: rest }));
    writeFileSync(
      join(tmp, "nnc.json"),
      JSON.stringify({ apiVersion: "acn.azure.com/v1alpha", kind: "NodeNetworkConfigList", items: nnc }),
    );
    const one = await readDumps([join(FIXTURES, "overlay.json")]);
    const two = await readDumps([join(tmp, "nnc.json"), join(tmp, "cluster.json")], { chunkSize: 1000 });
    expect(two).toEqual(one);
  });
});

describe("readDumps: items of a known kind that cannot be read", () => {
  const node = (i: number) => ({ kind: "Node", metadata: { name: `n${i}` } });
  const dump = (name: string, items: unknown[]) => {
    const p = join(tmp, name);
    writeFileSync(p, JSON.stringify({ apiVersion: "v1", kind: "List", items }));
    return p;
  };
  it.each([
    {
      name: "a NodeList item whose metadata is a string",
      items: [{ kind: "Node", metadata: "aks-nodepool1-0" }],
      read: false,
      detail:
        "none of the 1 Node item(s) in the dump could be read: " +
        "Node item 1 has metadata that is a string, not an object",
    },
    {
      name: "a Node without metadata among good ones",
      items: [node(1), { kind: "Node", spec: {} }, node(3)],
      read: true,
      detail: "1 of the 3 Node items in the dump could not be read: Node item 2 has no metadata,",
    },
    {
      name: "Nodes whose names are numbers, the first one named",
      items: [node(1), { kind: "Node", metadata: { name: 7 } }, { kind: "Node", metadata: null }],
      read: true,
      detail:
        "2 of the 3 Node items in the dump could not be read: " +
        "Node item 2 has a metadata.name that is a number, not a string (the first of them)",
    },
    {
      name: "a Pod whose metadata is a list",
      items: [node(1), { kind: "Pod", metadata: [] }],
      read: false,
      detail: "none of the 1 Pod item(s) in the dump could be read: Pod item 1 has metadata that is an array",
    },
  ])("$name: an unreadable problem naming the item, not 'not in the dump'", async ({ name, items, read, detail }) => {
    const s = await readDumps([dump(`${name.replace(/\W+/g, "-")}.json`, items)]);
    const resource = (items[items.length - 1] as { kind: string }).kind === "Pod" ? "pods" : "nodes";
    const p = s.problems.find((x) => x.resource === resource);
    expect(p?.kind).toBe("unreadable");
    expect(p?.detail).toContain(detail);
    expect(p?.detail).toMatch(/regenerate the dump with "kubectl get nodes,pods,daemonsets -A -o json"\)\.$/);
    expect(s.read.includes(resource)).toBe(read);
  });

  it("still says a dump without any Node is without nodes", async () => {
    const s = await readDumps([dump("no-nodes.json", [{ kind: "Pod", metadata: { name: "p" } }])]);
    expect(s.problems.find((x) => x.resource === "nodes")?.kind).toBe("not-in-dump");
  });
});
