import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChunkedWriter, LineTooLongError, readLineBatches, readLines, splitLines, type Line } from "./lines.js";

async function collect(chunks: readonly (string | Buffer)[]): Promise<Line[]> {
  const out: Line[] = [];
  for await (const l of readLines(Readable.from(chunks.map((c) => (typeof c === "string" ? Buffer.from(c) : c)))))
    out.push(l);
  return out;
}

const texts = (lines: Line[]) => lines.map((l) => l.text);

describe("readLines", () => {
  it.each([
    { name: "empty stream", chunks: [], want: [] },
    { name: "one line without terminator", chunks: ["a"], want: ["a"] },
    { name: "LF terminated", chunks: ["a\nb\n"], want: ["a", "b"] },
    { name: "CRLF terminated", chunks: ["a\r\nb\r\n"], want: ["a", "b"] },
    { name: "CRLF split across chunks", chunks: ["a\r", "\nb"], want: ["a", "b"] },
    { name: "blank lines kept", chunks: ["\n\nx\n"], want: ["", "", "x"] },
    { name: "line split across three chunks", chunks: ["10.0", ".0.0", "/8\n"], want: ["10.0.0.0/8"] },
    { name: "lone CR at the end", chunks: ["a\r"], want: ["a"] },
  ])("$name", async ({ chunks, want }) => {
    expect(texts(await collect(chunks))).toEqual(want);
  });

  it("keeps a multi-byte character split between chunks", async () => {
    const bytes = Buffer.from("é\n");
    expect(texts(await collect([bytes.subarray(0, 1), bytes.subarray(1)]))).toEqual(["é"]);
  });

  it.each([
    { name: "a long line in the middle", chunks: ["ok\n", "x".repeat(20) + "\nok\n"], line: 2 },
    { name: "a long final line without terminator", chunks: ["ok\nok\n", "y".repeat(20)], line: 3 },
    { name: "a long line spread over chunks", chunks: ["ok\n" + "z".repeat(8), "z".repeat(8), "z".repeat(8)], line: 2 },
  ])("caps the line length: $name", async ({ chunks, line }) => {
    const read = async () => {
      for await (const b of readLineBatches(Readable.from(chunks.map((c) => Buffer.from(c))), 10)) void b;
    };
    await expect(read()).rejects.toEqual(new LineTooLongError(line, 10));
  });

  it("numbers lines from 1, blank ones included", async () => {
    expect((await collect(["a\n\nb"])).map((l) => l.number)).toEqual([1, 2, 3]);
  });

  it("agrees with splitLines however the text is cut into chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom("a", "1", "\n", "\r", " ", "é", "#") }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (text, cuts) => {
          const bytes = Buffer.from(text);
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Buffer[] = [];
          let prev = 0;
          for (const p of [...points, bytes.length]) {
            chunks.push(bytes.subarray(prev, p));
            prev = p;
          }
          expect(await collect(chunks)).toEqual([...splitLines(text)]);
        },
      ),
    );
  });
});

describe("ChunkedWriter", () => {
  it("writes in chunks of about the chunk size and waits for each", async () => {
    const chunks: string[] = [];
    let pending = 0;
    const w = new ChunkedWriter(
      {
        out: (t: string) => {
          chunks.push(t);
          pending++;
          return new Promise<void>((r) => setTimeout(() => ((pending -= 1), r()), 0));
        },
      },
      100,
    );
    for (let i = 0; i < 1000; i++) {
      await w.write("0123456789\n");
      expect(pending).toBe(0);
    }
    await w.flush();
    expect(chunks.join("")).toBe("0123456789\n".repeat(1000));
    expect(chunks.length).toBe(Math.ceil(11000 / 110));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(100 + 11);
  });
});
