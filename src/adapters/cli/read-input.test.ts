/**
 * Input files that never end or are too large (found by the breaker: `aksnet check /dev/zero` and
 * `check <(yes)` read until the heap ran out): every command that reads a file refuses a device at once and a pipe
 * or standard input past its limit, exit 2, one sentence naming the input.
 */
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "./io.js";
import { run } from "./main.js";
import { InputError, readBoundedStream, readInputFile } from "./read-input.js";

const dir = mkdtempSync(join(tmpdir(), "aksnet-read-input-"));
const writers: { kill(): void }[] = [];
afterAll(() => writers.forEach((w) => w.kill()));

/** A named pipe that `yes` writes into without end (it stops when the reader closes it). */
function endlessPipe(name: string): string {
  const path = join(dir, name);
  execFileSync("mkfifo", [path]);
  const w = spawn("sh", ["-c", 'exec yes "a: 1" > "$0"', path], { stdio: "ignore" });
  writers.push(w);
  return path;
}

describe("readInputFile and readBoundedStream", () => {
  it.each([
    { name: "a file over the limit", make: () => file("big.yaml", "a: 1\n".repeat(300)), limit: 1024 },
    { name: "a pipe that never ends", make: () => endlessPipe("lib.fifo"), limit: 1 << 20 },
  ])("refuse $name with a phrase", async ({ make, limit }) => {
    await expect(readInputFile(make(), limit)).rejects.toThrow(InputError);
  });

  it("refuses a device, not reading it", async () => {
    await expect(readInputFile("/dev/zero")).rejects.toThrow(/^it is a device, not a file$/);
  });

  it("reads a stream up to its limit, and not one byte more", async () => {
    expect(await readBoundedStream(Readable.from([Buffer.alloc(10, 0x61)]), 10)).toBe("a".repeat(10));
    await expect(readBoundedStream(Readable.from([Buffer.alloc(11, 0x61)]), 10)).rejects.toThrow(
      /^it is larger than 10 bytes$/,
    );
  });
});

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe("every command that reads a file, given one that never ends", () => {
  it.each([
    { name: "check, a device", args: () => ["check", "/dev/zero"], says: /cannot read \/dev\/zero: it is a device/ },
    {
      name: "check, an endless pipe",
      args: () => ["check", endlessPipe("check.fifo")],
      says: /cannot read .*check\.fifo: it is larger than 64 MiB; give the path of a plan file/,
    },
    {
      name: "fleet check, a device",
      args: () => ["fleet", "check", "/dev/zero"],
      says: /cannot read \/dev\/zero: it is a device, not a file; give the path of a fleet file/,
    },
    {
      name: "size --pools, a device",
      args: () => ["size", "--pools", "/dev/zero"],
      says: /cannot read --pools \/dev\/zero \(it is a device, not a file\)/,
    },
    {
      name: "check --config, a device",
      args: () => ["check", "examples/plans/clean.yaml", "--config", "/dev/zero"],
      says: /cannot read the config file \/dev\/zero: it is a device, not a file/,
    },
    {
      name: "check --baseline, a device",
      args: () => ["check", "examples/plans/clean.yaml", "--baseline", "/dev/zero"],
      says: /cannot read the baseline \/dev\/zero: it is a device, not a file/,
    },
    {
      name: "inspect --plan, a device",
      args: () => ["inspect", "--from-dump", "-", "--plan", "/dev/zero"],
      says: /cannot read --plan \/dev\/zero: it is a device, not a file/,
    },
    {
      name: "scan --from, a device",
      args: () => ["scan", "--from", "/dev/zero"],
      says: /\/dev\/zero is a device, not a file; give the JSON files of the estate to --from/,
    },
  ])(
    "$name: exit 2, one sentence",
    async ({ args, says }) => {
      const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: join(import.meta.dirname, "../../..") });
      const code = await run(args(), io);
      expect({ code, stderr: io.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(says) });
      expect(io.stderr.trim().split("\n")).toHaveLength(1);
    },
    60_000,
  );
});
