import { describe, expect, it } from "vitest";
import { cacheControl, negotiate, notModified } from "./encoding.js";

describe("negotiate: brotli, else gzip, as the browser accepts", () => {
  const cases: { header: string | undefined; encoding: string | undefined }[] = [
    { header: "gzip, deflate, br, zstd", encoding: "br" },
    { header: "gzip, deflate", encoding: "gzip" },
    { header: "br;q=0, gzip", encoding: "gzip" },
    { header: "identity", encoding: undefined },
    { header: "*", encoding: "br" },
    { header: "*;q=0", encoding: undefined },
    { header: "GZIP", encoding: "gzip" },
    { header: "", encoding: undefined },
    { header: undefined, encoding: undefined },
  ];
  it.each(cases)("$header → $encoding", ({ header, encoding }) => {
    expect(negotiate(header)).toBe(encoding);
  });
});

describe("cacheControl: content-addressed files are immutable, the rest revalidated", () => {
  it.each([
    { file: "/w/app-7f3a9c1e.js", value: "public, max-age=31536000, immutable" },
    { file: "/w/app-KQ2ZLM5X.css", value: "public, max-age=31536000, immutable" },
    { file: "/w/index.html", value: "no-cache" },
    { file: "/w/app.js", value: "no-cache" },
  ])("$file", ({ file, value }) => expect(cacheControl(file)).toBe(value));
});

describe("notModified", () => {
  it.each([
    { header: '"abc"', etag: '"abc"', yes: true },
    { header: 'W/"abc"', etag: '"abc"', yes: true },
    { header: '"x", "abc"', etag: '"abc"', yes: true },
    { header: "*", etag: '"abc"', yes: true },
    { header: '"abc-br"', etag: '"abc"', yes: false },
    { header: undefined, etag: '"abc"', yes: false },
  ])("$header vs $etag", ({ header, etag, yes }) => expect(notModified(header, etag)).toBe(yes));
});
