import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { renderJson } from "../output/json.js";
import { writeListing, type Listing } from "./listing.js";

const listing = (o: Partial<Listing>): Listing => ({
  kind: "TestReport",
  head: {},
  key: "list",
  items: () => [],
  columns: [{ header: "name" }, { header: "count", align: "right" }],
  rows: () => [],
  lines: () => [],
  notes: [],
  ...o,
});

describe("cidr listing as json", () => {
  it("prints exactly what renderJson prints for the same value", async () => {
    // Names, as heads have: a key like "0" would come first in any JS object, before apiVersion.
    const key = fc
      .string({ minLength: 1, maxLength: 6 })
      .filter((k) => k !== "__proto__" && !/^(0|[1-9][0-9]*)$/.test(k));
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
        fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
        async (head, items) => {
          const { list: _l, apiVersion: _a, kind: _k, ...rest } = head;
          head = rest;
          const io = memoryIo();
          await writeListing(io, "json", listing({ head, items: () => items }));
          expect(io.stdout).toBe(renderJson({ apiVersion: "aksnet/v1", kind: "TestReport", ...head, list: items }));
        },
      ),
    );
  });

  it("writes bigints as decimal strings", async () => {
    const io = memoryIo();
    await writeListing(io, "json", listing({ head: { size: 2n ** 64n }, key: "prefixes" }));
    const version = '  "apiVersion": "aksnet/v1",\n  "kind": "TestReport",\n';
    expect(io.stdout).toBe(`{\n${version}  "size": "18446744073709551616",\n  "prefixes": []\n}\n`);
  });
});

describe("cidr listing as a table and as Markdown", () => {
  const rows = [
    ["a", "1"],
    ["b|c", "1,000"],
  ];
  it.each([
    {
      name: "table: left and right alignment, notes after a blank line",
      format: "table" as const,
      rows,
      want: "name  count\n----  -----\na         1\nb|c   1,000\n\nnote: n\n",
    },
    { name: "table: no rows", format: "table" as const, rows: [], want: "name  count\n----  -----\n\nnote: n\n" },
    {
      name: "markdown: pipes escaped, right-aligned column",
      format: "markdown" as const,
      rows,
      want: "| name | count |\n| --- | ---: |\n| a | 1 |\n| b\\|c | 1,000 |\n\nnote: n\n\n",
    },
  ])("$name", async ({ format, rows, want }) => {
    const io = memoryIo();
    await writeListing(io, format, listing({ rows: () => rows, notes: ["note: n"] }));
    expect(io.stdout).toBe(want);
    expect(io.stderr).toBe("");
  });
});

describe("cidr listing as text", () => {
  it("writes one value per line, and the notes to standard error", async () => {
    const io = memoryIo();
    await writeListing(io, "text", listing({ lines: () => ["a", "b"], notes: ["note: n"] }));
    expect(io.stdout).toBe("a\nb\n");
    expect(io.stderr).toBe("note: n\n");
  });
});
