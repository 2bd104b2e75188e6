/** The bulk text helpers agree with the object API and name the bad entry. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ListParseError } from "./errors.js";
import { excludePrefixes, mergePrefixes } from "./merge.js";
import { freeSpace } from "./free.js";
import { SCAN4, scanCidr4 } from "./internal/scan4.js";
import { parsePrefix, parsePrefixGeneral, parsePrefixOrAddr } from "./prefix.js";
import {
  addrSetOfText,
  excludeCidrText,
  freeSpaceText,
  maskCidrText,
  mergeCidrText,
  overlappingPairsText,
  overlapsAnyText,
} from "./text.js";
import { findOverlappingPairs, queriesOverlappingAny } from "./overlap.js";
import { UNIVERSES, arbPrefixIn } from "./testing/naive.js";
import { prefixCases, prng } from "./testing/random-text.js";

describe("bulk CIDR text", () => {
  it.each([
    {
      name: "IPv4 and IPv6 together, IPv4 first",
      lines: ["fd00::/64", "10.0.0.0/25", "10.0.0.128/25"],
      merged: ["10.0.0.0/24", "fd00::/64"],
    },
    {
      name: "bare addresses are single-address prefixes",
      lines: ["10.0.0.1", "10.0.0.0", "fd00::"],
      merged: ["10.0.0.0/31", "fd00::/128"],
    },
    { name: "host bits are masked", lines: ["10.0.0.77/24"], merged: ["10.0.0.0/24"] },
    { name: "/0 and /32", lines: ["0.0.0.0/0", "1.2.3.4/32"], merged: ["0.0.0.0/0"] },
    { name: "an empty list", lines: [], merged: [] },
  ])("mergeCidrText: $name", ({ lines, merged }) => {
    expect(mergeCidrText(lines)).toEqual(merged);
  });

  it.each([
    { name: "maskCidrText", run: () => maskCidrText(["10.0.0.0/8", "10.0.0.0/ 8"]) },
    { name: "overlapsAnyText, a bad query", run: () => overlapsAnyText(["10.0.0.0/8", "10.0.0.0/ 8"], ["10.0.0.0/8"]) },
    { name: "overlappingPairsText", run: () => overlappingPairsText(["fd00::/8", "10.0.0.0/ 8"]) },
  ])("$name names the bad entry's position", ({ run }) => {
    expect(run).toThrow(ListParseError);
    try {
      run();
    } catch (e) {
      expect((e as ListParseError).index).toBe(1);
    }
  });

  it.each([
    {
      name: "leading zero in the length",
      lines: ["10.0.0.0/8", "10.0.0.0/08"],
      index: 1,
      reason: 'prefix length "08" has a leading zero',
    },
    {
      name: "three-digit length",
      lines: ["10.0.0.0/100"],
      index: 0,
      reason: "prefix length 100 is out of range for IPv4 (0 to 32)",
    },
    {
      name: "length 33",
      lines: ["10.0.0.0/33"],
      index: 0,
      reason: "prefix length 33 is out of range for IPv4 (0 to 32)",
    },
    { name: "whitespace", lines: ["fd00::/8", "fd00::/8", " 10.0.0.0/8"], index: 2, reason: "it contains whitespace" },
    { name: "empty entry", lines: [""], index: 0, reason: "it is empty" },
    { name: "a comment is not a CIDR", lines: ["# x"], index: 0, reason: 'unexpected character "#" at position 1' },
  ])("a bad entry is named by position: $name", ({ lines, index, reason }) => {
    try {
      addrSetOfText(lines);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ListParseError);
      expect((e as ListParseError).index).toBe(index);
      expect((e as ListParseError).reason).toBe(reason);
    }
  });

  it.each([
    { name: "masked CIDR as given", input: "10.1.0.0/16", want: "10.1.0.0/16" },
    { name: "host bits cleared", input: "10.1.2.3/16", want: "10.1.0.0/16" },
    { name: "a /32 as given", input: "10.1.2.32/32", want: "10.1.2.32/32" },
    { name: "a bare address gains /32", input: "10.1.2.32", want: "10.1.2.32/32" },
    { name: "a bare address ending in .3", input: "1.2.3.3", want: "1.2.3.3/32" },
    { name: "a /0", input: "0.0.0.0/0", want: "0.0.0.0/0" },
    { name: "IPv6 host bits cleared", input: "fd00::1/64", want: "fd00::/64" },
    { name: "IPv6 upper case and leading zeros", input: "2001:0DB8:0:0:0:0:0:0001/32", want: "2001:db8::/32" },
    { name: "IPv6 mask inside a group", input: "2001:db8:abcd::/36", want: "2001:db8:a000::/36" },
    { name: "IPv6 bare address gains /128", input: "fd00::1", want: "fd00::1/128" },
    { name: "IPv6 all zeros", input: "::", want: "::/128" },
    { name: "IPv6 /0", input: "ffff::/0", want: "::/0" },
    { name: "IPv6 longest zero run compressed, first on ties", input: "1:0:0:1:0:0:1:1/128", want: "1::1:0:0:1:1/128" },
    { name: "IPv6 a single zero group is not compressed", input: "1:0:1:1:1:1:1:1/128", want: "1:0:1:1:1:1:1:1/128" },
    { name: "IPv4-mapped in mixed notation", input: "::ffff:10.1.2.3/120", want: "::ffff:10.1.2.0/120" },
    { name: "IPv4-mapped written in hex", input: "::FFFF:0A01:0203/128", want: "::ffff:10.1.2.3/128" },
  ])("maskCidrText: $name", ({ input, want }) => {
    expect(maskCidrText([input])).toEqual([want]);
  });

  it.each([
    { name: "nothing", input: [], want: [] },
    { name: "everything", input: ["0.0.0.0/0"], want: ["0.0.0.0/0"] },
    { name: "the last address", input: ["255.255.255.255"], want: ["255.255.255.255/32"] },
    {
      name: "three-digit octets split at a boundary",
      input: ["100.200.255.254/31", "100.201.0.0/32"],
      want: ["100.200.255.254/31", "100.201.0.0/32"],
    },
    { name: "IPv4 before IPv6", input: ["fd00::/8", "10.0.0.0/9", "10.128.0.0/9"], want: ["10.0.0.0/8", "fd00::/8"] },
  ])("mergeCidrText: $name", ({ input, want }) => {
    expect(mergeCidrText(input)).toEqual(want);
  });

  it.each([
    { name: "IPv6 length with a leading zero", input: "fd00::/064", reason: 'prefix length "064" has a leading zero' },
    { name: "IPv6 length 129", input: "fd00::/129", reason: "prefix length 129 is out of range for IPv6 (0 to 128)" },
    { name: "IPv6 zone", input: "fe80::1%eth0/64", reason: "zones (%) are not allowed" },
    { name: "IPv6 two ellipses", input: "1::2::3/64", reason: "it has more than one ::" },
  ])("maskCidrText refuses $name with the general parser's reason", ({ input, reason }) => {
    expect(() => maskCidrText(["10.0.0.0/8", input])).toThrow(reason);
  });

  it(
    "maskCidrText reads every CIDR as parsePrefixOrAddr does, and keeps input order (20,000 seeded texts, a third " +
      "damaged)",
    () => {
      const cases = prefixCases(prng(71), 20_000);
      const valid: string[] = [];
      const want: string[] = [];
      for (const s of cases) {
        let expected: string;
        try {
          expected = parsePrefixOrAddr(s).masked().toString();
          valid.push(s);
          want.push(expected);
        } catch (e) {
          expected = `error: ${(e as ListParseError).reason}`;
        }
        let got: string;
        try {
          got = (maskCidrText([s]) as [string])[0];
        } catch (e) {
          got = `error: ${(e as ListParseError).reason}`;
        }
        expect(got, JSON.stringify(s)).toBe(expected);
      }
      expect(maskCidrText(valid)).toEqual(want);
    },
  );

  it.each(UNIVERSES)("text and object forms agree in $name", (u) => {
    const list = fc.array(arbPrefixIn(u), { maxLength: 15 });
    fc.assert(
      fc.property(list, list, (xs, ys) => {
        const tx = xs.map(String);
        const ty = ys.map(String);
        expect(mergeCidrText(tx)).toEqual(mergePrefixes(xs).map(String));
        expect(excludeCidrText(tx, ty)).toEqual(excludePrefixes(xs, ys).map(String));
        expect(freeSpaceText(u.prefix, tx)).toEqual(freeSpace(u.prefix, xs).map(String));
        expect(maskCidrText(tx)).toEqual(xs.map((p) => p.masked().toString()));
        expect(overlapsAnyText(ty, tx)).toEqual(queriesOverlappingAny(ys, xs));
        const p = overlappingPairsText([...tx, ...ty]);
        expect(Array.from({ length: p.count }, (_, x) => [p.first[x], p.second[x]])).toEqual(
          findOverlappingPairs([...xs, ...ys]),
        );
      }),
    );
  });

  it("the IPv4 scanner accepts exactly what the general parser accepts, with the same value", () => {
    const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom("00", "01", "010", "", "1a"));
    const suffix = fc.oneof(
      fc.constant(""),
      fc.integer({ min: 0, max: 40 }).map((n) => `/${n}`),
      fc.constantFrom("/", "/08", "/00", "/1/", "/3a"),
    );
    const near = fc.tuple(fc.array(octet, { minLength: 3, maxLength: 5 }), suffix).map(([o, x]) => o.join(".") + x);
    const text = fc.oneof(near, fc.string({ unit: fc.constantFrom(..."0123456789./:"), maxLength: 20 }));
    fc.assert(
      fc.property(text, fc.boolean(), (s, bare) => {
        const a = scanCidr4(s, bare);
        const general = parsePrefixGeneral(s, bare);
        if (a >= 0)
          expect(typeof general === "string" ? general : `${general.addr.v4}/${general.bits}/${general.family}`).toBe(
            `${a}/${SCAN4.bits}/4`,
          );
        else expect(typeof general === "string" || general.family === 6).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("the bulk IPv4 path reads exactly what parsePrefixOrAddr reads", () => {
    const chars = fc.constantFrom(..."0123456789./:");
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 20 }), (s) => {
        let want: string[] | string;
        try {
          want = [parsePrefixOrAddr(s).masked().toString()];
        } catch (e) {
          want = (e as Error).message;
        }
        let got: string[] | string;
        try {
          got = mergeCidrText([s]);
        } catch (e) {
          got = (e as Error).message;
        }
        expect(got).toEqual(want);
      }),
      { numRuns: 3000 },
    );
    expect(mergeCidrText(["10.0.0.0/8"])).toEqual([parsePrefix("10.0.0.0/8").toString()]);
  });
});
