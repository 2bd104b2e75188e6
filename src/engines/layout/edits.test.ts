import { describe, expect, it } from "vitest";
import { applyEdits } from "./edits.js";

describe("applyEdits", () => {
  it.each([
    {
      name: "set creates the maps on the way",
      doc: { a: 1 },
      edits: [{ op: "set" as const, path: ["apiServer", "subnet"], value: "x" }],
      want: { a: 1, apiServer: { subnet: "x" } },
    },
    {
      name: "append to an existing list and to a missing one",
      doc: { vnet: { subnets: [{ name: "a" }] } },
      edits: [
        { op: "append" as const, path: ["vnet", "subnets"], value: { name: "b" } },
        { op: "append" as const, path: ["vnet", "addressSpace"], value: "10.0.0.0/8" },
      ],
      want: { vnet: { subnets: [{ name: "a" }, { name: "b" }], addressSpace: ["10.0.0.0/8"] } },
    },
    {
      name: "an index in the path",
      doc: { nodePools: [{ name: "a" }, { name: "b" }] },
      edits: [{ op: "set" as const, path: ["nodePools", 1, "subnet"], value: "n" }],
      want: { nodePools: [{ name: "a" }, { name: "b", subnet: "n" }] },
    },
    { name: "no edits: the same object", doc: { a: 1 }, edits: [], want: { a: 1 } },
  ])("$name", ({ doc, edits, want }) => {
    const before = JSON.stringify(doc);
    expect(applyEdits(doc, edits)).toEqual(want);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it("copies only what it changes: untouched branches are shared", () => {
    const doc = { vnet: { subnets: [{ name: "a" }] }, nodePools: [{ name: "p" }] };
    const out = applyEdits(doc, [{ op: "append", path: ["vnet", "subnets"], value: { name: "b" } }]);
    expect(out.nodePools).toBe(doc.nodePools);
    expect(out.vnet.subnets[0]).toBe(doc.vnet.subnets[0]);
    expect(out.vnet.subnets).not.toBe(doc.vnet.subnets);
  });
});
