import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DumpSyntaxError, ListScanner, listItems } from "./json-items.js";

async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(text: string, size = 7): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const x of listItems(chunked(text, size))) out.push(x);
  return out;
}

const valid: { name: string; text: string; items: unknown[] }[] = [
  {
    name: "a kubectl List",
    text:
      '{"apiVersion":"v1","items":[{"kind":"Node","metadata":{"name":"a"}},{"kind":"Pod"}],' +
      '"kind":"List","metadata":{"resourceVersion":""}}',
    items: [{ kind: "Node", metadata: { name: "a" } }, { kind: "Pod" }],
  },
  { name: "an empty List", text: '{"apiVersion":"v1","items":[],"kind":"List"}', items: [] },
  {
    name: "items after kind, pretty-printed",
    text: '{\n  "kind": "List",\n  "items": [\n    {"a": 1},\n    {"b": [1, {"c": "]}"}]}\n  ]\n}\n',
    items: [{ a: 1 }, { b: [1, { c: "]}" }] }],
  },
  {
    name: "a string value spelled items is not the key",
    text: '{"kind":"items","x":["no"],"items":[{"a":"\\"items\\": ["}]}',
    items: [{ a: '"items": [' }],
  },
  {
    name: "nested items keys stay inside their item",
    text: '{"items":[{"items":[{"deep":true}]}]}',
    items: [{ items: [{ deep: true }] }],
  },
  {
    name: "two Lists one after the other",
    text: '{"items":[{"n":1}]}\n{"items":[{"n":2},{"n":3}]}',
    items: [{ n: 1 }, { n: 2 }, { n: 3 }],
  },
  { name: "a top-level array", text: '[{"n":1},{"n":2}]', items: [{ n: 1 }, { n: 2 }] },
  {
    name: "escaped backslashes before a quote",
    text: '{"items":[{"p":"C:\\\\dir\\\\"},{"q":"\\\\\\""}]}',
    items: [{ p: "C:\\dir\\" }, { q: '\\"' }],
  },
  {
    name: "non-ASCII text split across chunks",
    text: '{"items":[{"name":"nœud-ünïcode-日本"}]}',
    items: [{ name: "nœud-ünïcode-日本" }],
  },
];

const invalid: { name: string; text: string; reason: RegExp }[] = [
  { name: "a truncated file", text: '{"items":[{"kind":"Node","metadata":{"na', reason: /ends in the middle/ },
  { name: "an object without items", text: '{"kind":"Node","metadata":{}}', reason: /no Kubernetes List/ },
  { name: "an empty file", text: "", reason: /no Kubernetes List/ },
  { name: "a non-object item", text: '{"items":[1,2]}', reason: /not an object/ },
  { name: "a broken item", text: '{"items":[{"a":tru}]}', reason: /not valid JSON/ },
  { name: "a stray closing bracket", text: '{"items":[]}]', reason: /unexpected '\]'/ },
  {
    name: "text outside JSON",
    text: "error: the server doesn't have a resource type",
    reason: /outside any JSON object/,
  },
];

describe("listItems", () => {
  it.each(valid)("reads $name", async ({ text, items }) => {
    for (const size of [1, 3, 7, 4096]) expect(await collect(text, size)).toEqual(items);
  });

  it.each(invalid)("rejects $name", async ({ text, reason }) => {
    await expect(collect(text)).rejects.toThrow(DumpSyntaxError);
    await expect(collect(text)).rejects.toThrow(reason);
  });

  it("yields the same items as JSON.parse for any List, however the bytes are split", async () => {
    const item = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        async (items, size, pretty) => {
          const text = JSON.stringify(
            { apiVersion: "v1", kind: "List", items, metadata: { note: "items" } },
            null,
            pretty ? 2 : undefined,
          );
          expect(await collect(text, size)).toEqual(JSON.parse(text).items);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("throws nothing but DumpSyntaxError on arbitrary text", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1))),
        ),
        async (text) => {
          try {
            await collect(text, 5);
          } catch (e) {
            expect(e).toBeInstanceOf(DumpSyntaxError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("ListScanner fields", () => {
  const fieldCases: { name: string; text: string; fields: Record<string, unknown> }[] = [
    {
      name: "an API list page (metadata before items, continue token)",
      text:
        '{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"9","continue":"abc\\"d"},' +
        '"items":[{"a":1}]}',
      fields: { kind: "PodList", apiVersion: "v1", metadata: { resourceVersion: "9", continue: 'abc"d' } },
    },
    {
      name: "fields after items, scalars of every kind",
      text: '{"items":[],"kind":null,"apiVersion":12,"metadata":[true,{"x":"}"}],"other":{"kind":"no"}}',
      fields: { kind: null, apiVersion: 12, metadata: [true, { x: "}" }] },
    },
    {
      name: "a key longer than any kept name is not mistaken for one",
      text: '{"kindkindkindkindkind":"x","items":[{"kind":"Node"}]}',
      fields: {},
    },
    { name: "a top-level array has none", text: '[{"kind":"Node"}]', fields: {} },
  ];

  it.each(fieldCases)("keeps $name", ({ text, fields }) => {
    for (const size of [1, 2, 5, 4096]) {
      const scanner = new ListScanner();
      const bytes = new TextEncoder().encode(text);
      for (let i = 0; i < bytes.length; i += size) scanner.write(bytes.subarray(i, i + size));
      scanner.end();
      expect(scanner.fields).toEqual(fields);
    }
  });

  it("keeps the same fields as JSON.parse for any list page, however the bytes are split", () => {
    fc.assert(
      fc.property(
        fc.record({ kind: fc.jsonValue(), apiVersion: fc.jsonValue(), metadata: fc.jsonValue() }),
        fc.array(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 }),
        fc.integer({ min: 1, max: 32 }),
        (fields, items, size) => {
          const text = JSON.stringify({ ...fields, items });
          const scanner = new ListScanner();
          const bytes = new TextEncoder().encode(text);
          const got: unknown[] = [];
          for (let i = 0; i < bytes.length; i += size) got.push(...scanner.write(bytes.subarray(i, i + size)));
          scanner.end();
          expect(got).toEqual(JSON.parse(text).items);
          expect(scanner.fields).toEqual(JSON.parse(JSON.stringify(fields)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
