/**
 * How the server sends a file: compressed (brotli, else gzip, when the browser
 * accepts it), with an entity tag and caching headers. The build writes `.br`
 * and `.gz` beside each text file; a file without them is compressed once on
 * first request and kept in memory (the page is a handful of files).
 * Content-addressed files (`name-<hash>.js`) never change, so browsers may keep
 * them for a year; everything else is revalidated with its entity tag.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type Encoding = "br" | "gzip";

/** Types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(html|js|css|svg|json|txt|map|yaml)$/;
/** Below this a compressed body saves nothing worth a header. */
const MIN_COMPRESS = 1024;
/** `app-1a2b3c4d.js`: a name that changes whenever the content does. */
const CONTENT_ADDRESSED = /-[0-9a-z]{8,}\.(js|css)$/i;

/** The encoding to use for an Accept-Encoding header: brotli first, then gzip; none when neither is accepted. */
export function negotiate(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return undefined;
}

/** The Cache-Control value for a file. */
export function cacheControl(file: string): string {
  return CONTENT_ADDRESSED.test(file) ? "public, max-age=31536000, immutable" : "no-cache";
}

export interface Representation {
  readonly body: Buffer;
  readonly encoding?: Encoding;
  /** Strong entity tag of this representation. */
  readonly etag: string;
}

interface Cached {
  readonly mtimeMs: number;
  readonly size: number;
  readonly identity: Representation;
  readonly br?: Representation;
  readonly gzip?: Representation;
}

async function readIfPresent(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

/** Compressed forms of files, read from the build's `.br`/`.gz` siblings or made once and remembered. */
export class Representations {
  private readonly cache = new Map<string, Cached>();

  async of(file: string, body: Buffer, mtimeMs: number, encoding: Encoding | undefined): Promise<Representation> {
    let c = this.cache.get(file);
    if (!c || c.mtimeMs !== mtimeMs || c.size !== body.length) {
      c = await this.build(file, body, mtimeMs);
      this.cache.set(file, c);
    }
    return (encoding && c[encoding]) || c.identity;
  }

  private async build(file: string, body: Buffer, mtimeMs: number): Promise<Cached> {
    const tag = createHash("sha256").update(body).digest("base64url").slice(0, 22);
    const identity = { body, etag: `"${tag}"` };
    if (!COMPRESSIBLE.test(file) || body.length < MIN_COMPRESS) return { mtimeMs, size: body.length, identity };
    const br =
      (await readIfPresent(`${file}.br`)) ??
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
    const gz = (await readIfPresent(`${file}.gz`)) ?? gzipSync(body, { level: 9 });
    return {
      mtimeMs,
      size: body.length,
      identity,
      br: { body: br, encoding: "br", etag: `"${tag}-br"` },
      gzip: { body: gz, encoding: "gzip", etag: `"${tag}-gz"` },
    };
  }
}

/** Whether an If-None-Match header names the entity tag (a weak comparison, as RFC 9110 asks for GET). */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === etag);
}
