import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { renderJson } from "../output/json.js";
import { writeJson, writeTable, writeText } from "./output.js";

describe("writeJson", () => {
  it("prints exactly what renderJson prints for the same value", async () => {
    const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== "__proto__");
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
        fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
        async (head, items) => {
          delete (head as Record<string, unknown>)["list"];
          const io = memoryIo();
          await writeJson(io, head, "list", items);
          expect(io.stdout).toBe(renderJson({ ...head, list: items }));
        },
      ),
    );
  });

  it("writes bigints as decimal strings", async () => {
    const io = memoryIo();
    await writeJson(io, { size: 2n ** 64n }, "prefixes", []);
    expect(io.stdout).toBe('{\n  "size": "18446744073709551616",\n  "prefixes": []\n}\n');
  });
});

describe("writeTable", () => {
  it.each([
    {
      name: "left and right alignment",
      rows: [
        ["a", "1"],
        ["bbb", "1,000"],
      ],
      want: "name  count\n----  -----\na         1\nbbb   1,000\n",
    },
    { name: "no rows", rows: [], want: "name  count\n----  -----\n" },
  ])("$name", async ({ rows, want }) => {
    const io = memoryIo();
    await writeTable(io, [{ header: "name" }, { header: "count", align: "right" }], () => rows);
    expect(io.stdout).toBe(want);
  });
});

describe("writeText", () => {
  it("writes one value per line", async () => {
    const io = memoryIo();
    await writeText(io, ["a", "b"]);
    expect(io.stdout).toBe("a\nb\n");
  });
});
