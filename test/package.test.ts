/**
 * The package as npm ships it: the packed tarball passes publint (strict) and arethetypeswrong
 * (profile node16: Node's own resolution; `require` of this ESM package works on Node 20.19+,
 * 22.12+ and 24 through require(esm), and TypeScript accepts it with module node20/nodenext
 * (5.8+), so the CJS-resolves-to-ESM note is expected); CommonJS consumers can require it; the
 * metadata points at the project. Needs `npm run build` first.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { load } from "js-yaml";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REPOSITORY_URL } from "../src/engines/plan/index.js";
import { VERSION } from "../src/adapters/cli/version.js";

const ROOT = resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, unknown>;
const bin = (name: string) => join(ROOT, "node_modules/.bin", name);

describe("the published package", () => {
  const dir = mkdtempSync(join(tmpdir(), "aksnet-pack-"));
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }),
  ) as { filename: string; files: { path: string }[] }[];
  const tarball = join(dir, packed[0]!.filename);

  it("passes publint --strict", () => {
    const r = spawnSync(bin("publint"), ["run", tarball, "--strict"], { encoding: "utf8" });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("All good!");
  });

  it("passes arethetypeswrong (node16 profile; require(esm) is how CommonJS loads it)", () => {
    const r = spawnSync(bin("attw"), [tarball, "--profile", "node16", "--ignore-rules", "cjs-resolves-to-esm"], {
      encoding: "utf8",
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it("ships the examples the docs link to, the schemas and the built code", () => {
    const files = new Set(packed[0]!.files.map((f) => f.path));
    for (const f of [
      "examples/plans/clean.yaml",
      "examples/ci/aksnet.config.yaml",
      "schema/aksnet-plan.schema.json",
      "schema/aksnet-config.schema.json",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/cli/aksnet.js",
    ])
      expect(files.has(f), f).toBe(true);
  });

  it("require('aksnet') and require('aksnet/ip') give the library, as import does", async () => {
    const app = mkdtempSync(join(tmpdir(), "aksnet-cjs-"));
    mkdirSync(join(app, "node_modules"));
    symlinkSync(ROOT, join(app, "node_modules/aksnet"), "dir");
    const script =
      "const a = require('aksnet'); const ip = require('aksnet/ip');" +
      "console.log(JSON.stringify([Object.keys(a).length, a.parsePrefix('10.0.0.0/8').toString(), typeof " +
      "ip.parsePrefix]))";
    const r = spawnSync(process.execPath, ["-e", script], { cwd: app, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const esm = await import("../dist/index.js");
    expect(JSON.parse(r.stdout)).toEqual([Object.keys(esm).length, "10.0.0.0/8", "function"]);
  });

  it("the krew manifest for the tarball: its sha256, its version, a bin the tarball holds", () => {
    const text = execFileSync(process.execPath, [join(ROOT, "scripts/krew-manifest.mjs"), tarball], {
      encoding: "utf8",
    });
    const m = load(text) as {
      kind: string;
      metadata: { name: string };
      spec: { version: string; platforms: { sha256: string; uri: string; bin: string; files: { from: string }[] }[] };
    };
    expect(m.kind).toBe("Plugin");
    expect(m.metadata.name).toBe("aksnet");
    expect(m.spec.version).toBe(`v${String(pkg["version"])}`);
    const p = m.spec.platforms[0]!;
    expect(p.sha256).toBe(createHash("sha256").update(readFileSync(tarball)).digest("hex"));
    expect(p.uri).toMatch(new RegExp(`/aksnet-${String(pkg["version"])}\\.tgz$`));
    expect(packed[0]!.files.map((f) => f.path)).toContain(p.bin);
    expect(p.files.map((f) => f.from)).toContain("package/dist/cli");
  });

  it("names the repository, homepage and issue tracker; the CLI's version is the package's", () => {
    expect(pkg["repository"]).toEqual({ type: "git", url: `git+${REPOSITORY_URL}.git` });
    expect(pkg["homepage"]).toBe(`${REPOSITORY_URL}#readme`);
    expect(pkg["bugs"]).toEqual({ url: `${REPOSITORY_URL}/issues` });
    expect(VERSION).toBe(pkg["version"]);
  });
});
