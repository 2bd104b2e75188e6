/**
 * Hostile plan files through the bundled `aksnet check`, each in a child process with a heap of 384 MiB and a
 * time limit: alias bombs, deep nesting, huge scalars, duplicate keys. Each ends with one sentence and exit code 2,
 * or with findings (exit 1) whose messages quote a huge value by its head. Found by the breaker: a 50 MB cluster
 * name took 77-109 s and 3 GB (suggestName dropped leading characters one slice at a time, and every message
 * quoted the whole name).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist", "cli", "aksnet.js");
const DIR = mkdtempSync(join(tmpdir(), "aksnet-hostile-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const HEAD = "apiVersion: aksnet/v1\nkind: ClusterPlan\n";
const JSON_HEAD = '{"apiVersion": "aksnet/v1", "kind": "ClusterPlan", ';
const POOLS = "nodePools:\n  - { name: system, mode: System, count: 3 }\n";

function aliasBomb(): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(",")}]`,
    );
  return `${HEAD}${lines.join("\n")}\nname: *a9\n`;
}

/** `n` distinct public /24s as YAML list items, one a line. */
function manyRanges(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`    - ${20 + ((i >> 16) % 100)}.${(i >> 8) & 255}.${i & 255}.0/24\n`);
  return lines.join("");
}

describe("aksnet check on hostile plan files: bounded time and memory, one sentence", () => {
  it.each([
    { name: "billion laughs (10^9 aliases)", file: "bomb.yaml", text: aliasBomb(), exit: 2, err: /aliases expand/ },
    {
      name: "10,000 levels of [",
      file: "deep-seq.yaml",
      text: `${HEAD}name: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`,
      exit: 2,
      err: /more than 256 levels deep/,
    },
    {
      name: "10,000 levels of {",
      file: "deep-map.yaml",
      text: `${HEAD}name: ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}\n`,
      exit: 2,
      err: /more than 256 levels deep/,
    },
    {
      name: "100,000 levels of [ in JSON (a schema finding, no stack overflow)",
      file: "deep.json",
      text: `${JSON_HEAD}"name": ${"[".repeat(100_000)}${"]".repeat(100_000)}}\n`,
      exit: 1,
      out: /name: expected a string, got a list\./,
    },
    {
      name: "duplicate keys in YAML",
      file: "dup.yaml",
      text: `${HEAD}name: a\nname: b\n${POOLS}`,
      exit: 2,
      err: /dup\.yaml:4:1: not valid YAML: a key appears twice in the same mapping/,
    },
    {
      name: "a 20 MB cluster name: quoted by its head and length",
      file: "huge-name.yaml",
      text: `${HEAD}name: ${"a".repeat(20 * 1048576)}\n${POOLS}`,
      exit: 1,
      out: /Cluster name "a{200}… \(20971520 characters\)"/,
    },
    {
      name: "a 20 MB name of dashes (no character a suggestion keeps)",
      file: "dash-name.yaml",
      text: `${HEAD}name: x${"-".repeat(20 * 1048576)}\n${POOLS}`,
      exit: 1,
      out: /\(20971521 characters\)/,
    },
    {
      name: "1,000,000 authorized IP ranges: the finding's line without the yaml package's document (was 1.2 GB)",
      file: "ranges.yaml",
      text: `${HEAD}name: a\napiServer:\n  authorizedIpRanges:\n${manyRanges(1_000_000)}${POOLS}`,
      exit: 1,
      out: /ranges\.yaml:5:3 {2}\[authorized-ip-ranges-unsupported\]\n.*has 1000000 ranges/,
    },
  ])(
    "$name → exit $exit",
    ({ file, text, exit, err, out }) => {
      writeFileSync(join(DIR, file), text);
      const r = spawnSync(process.execPath, ["--max-old-space-size=384", BIN, "check", join(DIR, file)], {
        encoding: "utf8",
        timeout: 60_000,
        maxBuffer: 64 * 1048576,
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(exit);
      if (err) {
        expect(r.stderr).toMatch(err);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
      }
      if (out) expect(r.stdout).toMatch(out);
      expect(r.stdout.length + r.stderr.length).toBeLessThan(text.length + 200_000);
    },
    90_000,
  );
});
