/**
 * `aksnet cidr -f` reads a pipe with bounds (found by the breaker: `cidr merge -f <(yes 10.0.0.0/24)` filled the heap
 * and `<(yes '#')` never ended): at most 512 MiB and 10,000,000 CIDRs a list, then one sentence.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { memoryIo } from "../io.js";
import { MAX_LIST_BYTES, MAX_LIST_ENTRIES, readPrefixList } from "./input.js";

/** Reads an endless FIFO fed by `yes <line>` with these bounds; the writer is killed afterwards. */
async function readEndless(line: string, bounds: { maxBytes?: number; maxEntries?: number }): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), "aksnet-cidr-"));
  const fifo = join(dir, "nets.txt");
  spawnSync("mkfifo", [fifo]);
  const writer = spawn("sh", ["-c", `yes '${line}' > "${fifo}"`], { stdio: "ignore" });
  try {
    return await readPrefixList({ args: [], file: fifo, ...bounds }, memoryIo({ cwd: dir })).then(
      () => "read to the end",
      (e: unknown) => e,
    );
  } finally {
    writer.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const IN_PARTS = "or merge the list in parts (aksnet cidr merge).";
const PARTS = `give at most that much, ${IN_PARTS}`;

describe("aksnet cidr -f: an endless pipe ends with one sentence", () => {
  it.each([
    {
      name: "endless CIDRs past the byte bound",
      line: "10.0.0.0/24 # the same network again",
      bounds: { maxBytes: 1048576 },
      err: `nets.txt is larger than 1 MiB; ${PARTS}`,
    },
    {
      name: "endless comments (no entry ever): the byte bound ends them",
      line: "# nothing but a comment",
      bounds: { maxBytes: 1048576 },
      err: `nets.txt is larger than 1 MiB; ${PARTS}`,
    },
    {
      name: "endless short CIDRs past the entry bound",
      line: "1.1.1.1",
      bounds: { maxEntries: 1000 },
      err: "nets.txt has more than 1,000 CIDRs; give at most that many, " + IN_PARTS,
    },
  ])("$name", async ({ line, bounds, err }) => {
    const e = await readEndless(line, bounds);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message.replace(/^.*\/nets\.txt/, "nets.txt")).toBe(err);
  });

  it("the bounds: 512 MiB and 10,000,000 CIDRs (a 5,000,000-line list, 80 MB, takes 850 MB of memory)", () => {
    expect([MAX_LIST_BYTES, MAX_LIST_ENTRIES]).toEqual([512 * 1048576, 10_000_000]);
  });
});
