/**
 * The bundled executable's code cache: a bundle loaded through it behaves as `require` would, its cache is
 * written once after a run without one and used by the next, and nothing about the cache can stop a run.
 */
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { CodeCache, codeCacheDir, pruneCaches, tempDir, wrappedModule } from "./code-cache.js";

/**
 * A lib directory with bundles `a` (requiring its sibling `b` and node:path) and `b`, and an empty cache dir; the
 * files wrapped as the build writes the bundles the cache lists, or (`plain`) as Node's require reads them.
 */
function fixture(plain = false) {
  const text = (source: string) => (plain ? source : wrappedModule(source));
  const root = mkdtempSync(join(tmpdir(), "aksnet-code-cache-"));
  const lib = join(root, "lib");
  const cache = join(root, "cache");
  mkdirSync(lib);
  writeFileSync(
    join(lib, "a.cjs"),
    text(
      'const b = require("./b.cjs");\nconst { basename } = require("node:path");\n' +
        "exports.twice = (n) => b.twice(n);\nexports.file = basename(__filename);\n" +
        'exports.dir = __dirname;\nexports.fail = () => { throw new Error("from a"); };\n',
    ),
  );
  writeFileSync(join(lib, "b.cjs"), text("module.exports = { twice: (n) => 2 * n };\n"));
  return { root, lib, cache };
}

type A = {
  twice(n: number): number;
  file: string;
  dir: string;
  fail(): never;
};
const HASHES = { a: "aaaa", b: "bbbb" };
/** Node's require, as the dispatcher gives its own. */
const nodeRequire = createRequire(import.meta.url);

describe("code cache", () => {
  it.each([
    { name: "wrapped, as the build writes a command's bundle", plain: false },
    { name: "plain CommonJS, as yaml.cjs and zod.cjs", plain: true },
  ])("a bundle loaded through it ($name) is the module require gives: exports, siblings, __filename", ({ plain }) => {
    const { lib, cache } = fixture(plain);
    const run = new CodeCache(lib, HASHES, nodeRequire, cache);
    const a = run.require("a") as A;
    expect([a.twice(21), a.file, a.dir]).toEqual([42, "a.cjs", lib]);
    run.save();
    const again = new CodeCache(lib, HASHES, nodeRequire, cache).require("a") as A;
    expect(again.twice(4)).toBe(8);
  });

  it("a stack trace names the bundle's own line", () => {
    const { lib, cache } = fixture();
    const a = new CodeCache(lib, HASHES, nodeRequire, cache).require("a") as A;
    expect(() => a.fail()).toThrow(
      expect.objectContaining({ stack: expect.stringContaining(`${join(lib, "a.cjs")}:6:`) as unknown }),
    );
  });

  it("the first run writes each bundle's cache, keyed by its hash; the next uses it and writes none", () => {
    const { lib, cache } = fixture();
    const first = new CodeCache(lib, HASHES, nodeRequire, cache);
    (first.require("a") as A).twice(1);
    first.save();
    expect(readdirSync(cache).sort()).toEqual(["aksnet-a-aaaa.cache", "aksnet-b-bbbb.cache"]);
    const second = new CodeCache(lib, HASHES, nodeRequire, cache);
    expect((second.require("a") as A).twice(2)).toBe(4);
    rmSync(join(cache, "aksnet-a-aaaa.cache"));
    second.save();
    expect(readdirSync(cache)).toEqual(["aksnet-b-bbbb.cache"]);
  });

  it("a bundle whose hash changed gets a cache of its own", () => {
    const { lib, cache } = fixture();
    new CodeCache(lib, HASHES, nodeRequire, cache).require("a");
    const next = new CodeCache(lib, { ...HASHES, a: "cccc" }, nodeRequire, cache);
    next.require("a");
    next.save();
    expect(readdirSync(cache).sort()).toEqual(["aksnet-a-cccc.cache", "aksnet-b-bbbb.cache"]);
  });

  it("a cache V8 refuses (corrupt, other flags) is replaced, and the bundle runs as without it", () => {
    const { lib, cache } = fixture();
    mkdirSync(cache);
    writeFileSync(join(cache, "aksnet-a-aaaa.cache"), "not V8's code cache");
    const run = new CodeCache(lib, HASHES, nodeRequire, cache);
    expect((run.require("a") as A).twice(3)).toBe(6);
    run.save();
    expect(readdirSync(cache).sort()).toEqual(["aksnet-a-aaaa.cache", "aksnet-b-bbbb.cache"]);
    const again = new CodeCache(lib, HASHES, nodeRequire, cache);
    again.require("a");
    rmSync(join(cache, "aksnet-a-aaaa.cache"));
    again.save();
    expect(existsSync(join(cache, "aksnet-a-aaaa.cache"))).toBe(false);
  });

  it("a cache directory that cannot be made or written (also as root): the run goes on, nothing is written", () => {
    const { lib, root } = fixture();
    writeFileSync(join(root, "file"), "");
    const run = new CodeCache(lib, HASHES, nodeRequire, join(root, "file", "cache"));
    expect((run.require("a") as A).twice(5)).toBe(10);
    expect(() => run.save()).not.toThrow();
  });

  it("no cache directory: the wrapped bundles run without a cache; nothing written", () => {
    const { lib, cache } = fixture();
    const none = new CodeCache(lib, HASHES, nodeRequire, undefined);
    expect((none.require("a") as A).twice(6)).toBe(12);
    none.save();
    expect(existsSync(cache)).toBe(false);
  });

  it("a bundle the build did not list (plain CommonJS): Node's require, nothing written", () => {
    const { lib, cache } = fixture(true);
    const unlisted = new CodeCache(lib, {}, nodeRequire, cache);
    expect((unlisted.require("a") as A).twice(7)).toBe(14);
    unlisted.save();
    expect(existsSync(cache)).toBe(false);
  });

  it.each([
    { name: "missing (made private on the first write)", mode: undefined, owner: undefined, used: true },
    { name: "private, this user's", mode: 0o700, owner: undefined, used: true },
    { name: "writable by others", mode: 0o777, owner: undefined, used: false },
    { name: "another user's", mode: 0o700, owner: 4242, used: false },
  ])("codeCacheDir: a cache directory $name: used $used", ({ mode, owner, used }) => {
    const root = mkdtempSync(join(tmpdir(), "aksnet-code-cache-root-"));
    const dir = codeCacheDir({ NODE_COMPILE_CACHE: root })!;
    if (mode !== undefined) {
      mkdirSync(dir);
      chmodSync(dir, mode);
    }
    // Giving a directory away needs root; elsewhere that case cannot be set up.
    if (owner !== undefined && process.getuid?.() !== 0) return;
    if (owner !== undefined) chownSync(dir, owner, owner);
    expect(codeCacheDir({ NODE_COMPILE_CACHE: root })).toBe(used ? dir : undefined);
  });

  it.each([
    { name: "NODE_DISABLE_COMPILE_CACHE: no cache", env: { NODE_DISABLE_COMPILE_CACHE: "1" }, dir: undefined },
    {
      name: "NODE_COMPILE_CACHE names the root",
      env: { NODE_COMPILE_CACHE: "/x/cache" },
      dir: /^\/x\/cache\/aksnet-v\d+\.\d+\.\d+-\w+-\d+$/,
    },
  ])("codeCacheDir: $name", ({ env, dir }) => {
    const got = codeCacheDir(env);
    if (dir === undefined) expect(got).toBeUndefined();
    else expect(got).toMatch(dir);
  });

  it("a new cache of a bundle removes that bundle's older hashes but the newest; other files stay", () => {
    const { lib, cache } = fixture();
    mkdirSync(cache);
    const files = {
      "aksnet-a-0001.cache": 100, // oldest: removed
      "aksnet-a-0002.cache": 200, // newest other hash (another install): kept
      "aksnet-a-0003.cache": 150, // removed
      "aksnet-ab-0004.cache": 100, // another bundle whose name starts alike
      "aksnet-b-0005.cache": 100, // another bundle
      "aksnet-a-xyz.cache": 100, // not a hash: not ours
      "aksnet-a-0006.cache.old": 100,
      "notes.txt": 100,
    };
    for (const [f, t] of Object.entries(files)) {
      writeFileSync(join(cache, f), "x");
      utimesSync(join(cache, f), t, t);
    }
    const run = new CodeCache(lib, HASHES, nodeRequire, cache);
    run.require("a");
    run.save();
    expect(readdirSync(cache).sort()).toEqual(
      [
        "aksnet-a-0002.cache",
        "aksnet-a-aaaa.cache",
        "aksnet-a-xyz.cache",
        "aksnet-a-0006.cache.old",
        "aksnet-ab-0004.cache",
        "aksnet-b-0005.cache",
        "aksnet-b-bbbb.cache",
        "notes.txt",
      ].sort(),
    );
  });

  it.each([
    { name: "a crashed run's temporary file (two hours old): removed", age: 2 * 3600, kept: false },
    { name: "a concurrent run's temporary file (a second old): kept", age: 1, kept: true },
  ])("pruneCaches: $name", ({ age, kept }) => {
    const dir = mkdtempSync(join(tmpdir(), "aksnet-code-cache-prune-"));
    const temp = join(dir, "aksnet-a-0001.cache.4242.tmp");
    writeFileSync(temp, "x");
    const now = Date.now();
    utimesSync(temp, now / 1000 - age, now / 1000 - age);
    pruneCaches(dir, "a", join(dir, "aksnet-a-0002.cache"), now);
    expect(existsSync(temp)).toBe(kept);
  });

  it("pruneCaches removes at most 64 files a write; a missing directory is no error", () => {
    const dir = mkdtempSync(join(tmpdir(), "aksnet-code-cache-prune-"));
    for (let i = 0; i < 100; i++) writeFileSync(join(dir, `aksnet-a-${i.toString(16).padStart(4, "0")}.cache`), "x");
    pruneCaches(dir, "a", join(dir, "aksnet-a-ffff.cache"));
    expect(readdirSync(dir)).toHaveLength(36);
    expect(() => pruneCaches(join(dir, "missing"), "a", join(dir, "missing", "aksnet-a-0.cache"))).not.toThrow();
  });

  it.each([
    { name: "TMPDIR", env: { TMPDIR: "/var/tmp/x" } },
    { name: "TMPDIR with a trailing slash", env: { TMPDIR: "/var/tmp/x/" } },
    { name: "TMPDIR /", env: { TMPDIR: "/" } },
    { name: "TMP when TMPDIR is empty", env: { TMPDIR: "", TMP: "/tmp/y" } },
    { name: "TEMP last", env: { TEMP: "/tmp/z" } },
    { name: "none: /tmp", env: {} },
  ])("tempDir is os.tmpdir() without node:os: $name", ({ env }) => {
    try {
      for (const k of ["TMPDIR", "TMP", "TEMP"]) vi.stubEnv(k, (env as Record<string, string>)[k]);
      expect(tempDir({ ...env })).toBe(tmpdir());
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
