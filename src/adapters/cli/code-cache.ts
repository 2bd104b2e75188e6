/**
 * The bundled executable's code cache (scripts/build-cli.mjs): `dist/cli/aksnet.js` loads a command's bundle
 * (`dist/cli/lib/<name>.cjs`, and `yaml.cjs` / `zod.cjs` when it requires them) through V8 with the bytecode a
 * previous run left, and after a run without it leaves the bytecode of every function that run compiled.
 *
 * Why, when Node 22's compile cache is on: that cache holds a file's code as compiled when it loads, its top
 * level, and V8 compiles a function on its first call; so every start compiled again every function it ran.
 * callgrind on Node 22 (instructions over `node -e 0`): `compare` +96 M, of which compiling functions 47 M;
 * `check` of a small plan +190 M, of which 97 M. With this cache: `compare` +55 M, `check` +100 M. Node 20,
 * which has no compile cache, gains as much.
 *
 * The cache of a bundle is keyed by its content's hash (written by the build: V8 itself checks only the
 * source's length) and lives in a directory per Node version and user under the root of Node's compile cache.
 * V8 refuses a cache of other flags or another version; the run then writes a new one. Nothing here is fatal:
 * an unreadable or unwritable cache leaves the CLI running without it.
 *
 * It does not need Node's own compile cache nor node:module: the dispatcher turns that cache on only for the
 * bundles this one does not hold (enableCompileCache loads node:module, Node's ES module loader and node:os:
 * ~7.5 M instructions of every start on Node 22), and gives its own `require` for what the bundles require.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import type * as Os from "node:os";
import { join } from "node:path";
import vm from "node:vm";

/** A loaded bundle: its script (to make its cache from) and where the cache goes, when it must be written. */
interface Loaded {
  readonly name: string;
  readonly script: vm.Script;
  readonly cacheFile: string;
  readonly write: boolean;
}

/** Node's `require` (the dispatcher's own): what a bundle requires that is not a sibling bundle. */
export type NodeRequire = (id: string) => unknown;

/**
 * Where the caches go: a directory per Node version and user under the root of Node's compile cache
 * (NODE_COMPILE_CACHE, else node-compile-cache in the temporary directory); none when
 * NODE_DISABLE_COMPILE_CACHE is set, or when that directory is another user's or writable by others.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env["NODE_DISABLE_COMPILE_CACHE"]) return undefined;
  const dir = join(
    env["NODE_COMPILE_CACHE"] || join(tempDir(), "node-compile-cache"),
    `aksnet-${process.version}-${process.arch}-${process.getuid?.() ?? 0}`,
  );
  return ownDirectory(dir) ? dir : undefined;
}

/**
 * `os.tmpdir()` without loading node:os on POSIX systems (callgrind on Node 22: ~2 M instructions of every start,
 * the only use of node:os on the run path): the same variables in the same order, the trailing slash dropped.
 */
export function tempDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === "win32") {
    const os = process.getBuiltinModule?.("node:os") as typeof Os | undefined;
    if (os !== undefined) return os.tmpdir();
  }
  const dir = env["TMPDIR"] || env["TMP"] || env["TEMP"] || "/tmp";
  return dir.length > 1 && dir.endsWith("/") ? dir.slice(0, -1) : dir;
}

/**
 * Whether `dir` is missing (it will be made, private) or a directory of this user: bytecode read from a
 * directory another user could write (a shared temporary directory) would run as this user's code.
 */
function ownDirectory(dir: string): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) return true;
  try {
    const s = statSync(dir);
    return s.isDirectory() && s.uid === uid && (s.mode & 0o022) === 0;
  } catch {
    return true;
  }
}

/** The CommonJS wrapper, on the source's first line so that line numbers in stack traces stay the file's own. */
const WRAP_START = "(function (exports, require, module, __filename, __dirname) {";

/**
 * A CommonJS module's text as the build writes a bundle the cache holds: a function expression of the module's
 * body (the wrapper Node's `require` would add), so that the loader compiles the file's text as it is read. Putting
 * the wrapper around the text at run time copied the whole bundle (`check` 0.8 MB) into a second string, which, with
 * the first, overflowed V8's young generation and cost a garbage collection on every start. Text already wrapped is
 * returned as it is: the loader takes plain CommonJS too (`yaml.cjs` and `zod.cjs`, which bundles loaded through
 * Node's `require` require as well).
 */
export function wrappedModule(source: string): string {
  return source.startsWith(WRAP_START) ? source : `${WRAP_START}${source}\n})`;
}

/**
 * Loads the bundles of one directory (`dist/cli/lib`) through the code cache. `hashes` names the bundles it
 * caches (by file name without `.cjs`) with their content hashes; a command's file holds its wrapped text
 * (`wrappedModule`), which only this loader runs. A bundle requiring `./<name>.cjs` of one of them gets it
 * through the cache too, anything else through Node's `require`. A cached bundle cannot run
 * `import()` (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING): the build lists only bundles without one.
 */
export class CodeCache {
  private readonly loaded: Loaded[] = [];
  private readonly exportsOf = new Map<string, unknown>();

  constructor(
    private readonly libDir: string,
    private readonly hashes: Readonly<Record<string, string>>,
    private readonly nodeRequire: NodeRequire,
    private readonly cacheDir: string | undefined = codeCacheDir(),
  ) {}

  /** The exports of bundle `name` (`lib/<name>.cjs`), evaluated once. */
  require(name: string): unknown {
    if (this.exportsOf.has(name)) return this.exportsOf.get(name);
    const file = join(this.libDir, `${name}.cjs`);
    const hash = this.hashes[name];
    // No hash: a bundle the build did not list, one with an import() (a script's import() needs Node's
    // experimental vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER, which prints a warning). Node's own require.
    if (hash === undefined) {
      const exports = this.nodeRequire(file);
      this.exportsOf.set(name, exports);
      return exports;
    }
    // A command's bundle is written wrapped (wrappedModule): compiled as read, with or without a cache.
    const cacheFile = this.cacheDir === undefined ? undefined : join(this.cacheDir, `aksnet-${name}-${hash}.cache`);
    const cachedData = cacheFile === undefined ? undefined : readOrUndefined(cacheFile);
    const script = new vm.Script(wrappedModule(readFileSync(file, "utf8")), { filename: file, cachedData });
    if (cacheFile !== undefined)
      this.loaded.push({
        name,
        script,
        cacheFile,
        write: cachedData === undefined || script.cachedDataRejected === true,
      });
    const mod = { exports: {} as unknown };
    this.exportsOf.set(name, mod.exports);
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper(mod.exports, this.requireFrom(), mod, file, this.libDir);
    this.exportsOf.set(name, mod.exports);
    return mod.exports;
  }

  /** Writes the cache of every bundle loaded without a usable one (after the run: it holds what the run compiled). */
  save(): void {
    if (this.cacheDir === undefined) return;
    for (const l of this.loaded.filter((x) => x.write)) {
      try {
        mkdirSync(this.cacheDir, { recursive: true, mode: 0o700 });
        const temp = `${l.cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, l.script.createCachedData());
        renameSync(temp, l.cacheFile);
      } catch {
        // An unwritable cache directory: the next run compiles again, as without a cache.
        continue;
      }
      pruneCaches(this.cacheDir, l.name, l.cacheFile);
    }
  }

  /**
   * The `require` a bundle sees: its sibling bundles through the cache, the rest through Node's (the bundles
   * require only Node's modules and packages by name, which resolve alike from the dispatcher's directory).
   */
  private requireFrom(): (id: string) => unknown {
    return (id) => {
      const sibling = /^\.\/([\w-]+)\.cjs$/.exec(id)?.[1];
      return sibling !== undefined && this.hashes[sibling] !== undefined ? this.require(sibling) : this.nodeRequire(id);
    };
  }
}

/** At most this many files removed by one write: a directory of thousands of stale files costs one run, not more. */
const PRUNE_LIMIT = 64;
/** A temporary file this old is a crashed run's (a write takes milliseconds): removed. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * After bundle `name`'s cache `kept` is written: removes that bundle's caches of other hashes (builds gone, each
 * ~0.2–0.9 MB, never read again) but the newest one, and its temporary files left by crashed runs. The newest
 * other is kept because two installed aksnet versions share the directory (it is per Node version and user):
 * removing each other's cache on every write would make every run of both a cold one. Only files whose whole
 * name is one of ours, in the cache directory itself, are removed; a file gone meanwhile (a concurrent run) or
 * not removable is left alone.
 */
export function pruneCaches(dir: string, name: string, kept: string, now: number = Date.now()): void {
  const ours = new RegExp(`^aksnet-${name.replace(/[^\w-]/g, "")}-[0-9a-f]+\\.cache(\\.\\d+\\.tmp)?$`);
  let files: { file: string; mtime: number; temp: boolean }[];
  try {
    files = readdirSync(dir)
      .filter((f) => ours.test(f) && join(dir, f) !== kept)
      .map((f) => ({ file: join(dir, f), mtime: mtimeOf(join(dir, f)), temp: f.endsWith(".tmp") }));
  } catch {
    return;
  }
  const caches = files.filter((f) => !f.temp).sort((a, b) => b.mtime - a.mtime);
  const stale = [...caches.slice(1), ...files.filter((f) => f.temp && now - f.mtime > STALE_TEMP_MS)];
  for (const f of stale.slice(0, PRUNE_LIMIT)) {
    try {
      unlinkSync(f.file);
    } catch {
      // Removed by a concurrent run, or not ours to remove: nothing to do.
    }
  }
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
