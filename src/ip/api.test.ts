import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import * as ip from "./index.js";

const SRC = join(import.meta.dirname, "..");
const ROOT = join(SRC, "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "node_modules" ? [] : files(p);
    return /\.(ts|mts|mjs|js)$/.test(name) ? [p] : [];
  });
}

describe("the IP core's public API", () => {
  it("is exactly the value API of docs/ip-core.md (the Azure helpers are the knowledge base's to move)", () => {
    const names = Object.keys(ip)
      .filter((n) => !/azure/i.test(n))
      .sort();
    expect(names).toEqual([
      "Addr",
      "AddrRange",
      "AddrSet",
      "AddrSetBuilder",
      "ListParseError",
      "OverlapIndex",
      "ParseError",
      "Prefix",
      "PrefixAllocator",
      "addrFrom4",
      "addrFromBigInt",
      "addrSetOf",
      "addrSetOfText",
      "compareAddr",
      "comparePrefix",
      "describeValue",
      "excludeCidrText",
      "excludePrefixes",
      "excludeRanges",
      "expectPrefix",
      "findOverlappingPairs",
      "freePrefixes",
      "freeSpace",
      "freeSpaceText",
      "guardArgs",
      "maskCidrText",
      "mergeCidrText",
      "mergePrefixes",
      "mergeRanges",
      "overlappingPairsText",
      "overlapsAnyText",
      "parseAddr",
      "parsePrefix",
      "parsePrefixOrAddr",
      "parseRange",
      "prefixFrom",
      "prefixText",
      "queriesOverlappingAny",
      "rangeFrom",
      "rangeOfPrefix",
      "smallestPrefixBits",
      "tryParseAddr",
      "tryParsePrefix",
      "tryParseRange",
    ]);
  });

  it("keeps its fast paths private: nothing outside src/ip imports src/ip/internal", () => {
    const outside = [...files(SRC), ...files(join(ROOT, "bench")), ...files(join(ROOT, "scripts"))].filter(
      (f) => !relative(SRC, f).startsWith("ip/"),
    );
    const offenders = outside.filter((f) => /ip\/internal\//.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it("Prefix.netmask() is the mask of the length, in the prefix's family", () => {
    expect(ip.parsePrefix("10.1.2.3/20").netmask().toString()).toBe("255.255.240.0");
    expect(ip.parsePrefix("0.0.0.0/0").netmask().toString()).toBe("0.0.0.0");
    expect(ip.parsePrefix("10.0.0.1/32").netmask().toString()).toBe("255.255.255.255");
    expect(ip.parsePrefix("2001:db8::/33").netmask().toString()).toBe("ffff:ffff:8000::");
  });
});
