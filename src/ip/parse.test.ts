/**
 * Parsing and formatting: a commented corpus of tricky inputs with the expected
 * value or error reason, and round-trip / ordering laws.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Addr, addrFromBigInt, parseAddr, tryParseAddr } from "./addr.js";
import { ParseError } from "./errors.js";
import { parsePrefix, parsePrefixOrAddr, prefixFrom, tryParsePrefix } from "./prefix.js";
import { parseRange, tryParseRange } from "./range.js";

const addrCorpus: Array<{ name: string; input: string; value?: string; reason?: string }> = [
  // IPv4: strict dotted quad.
  { name: "plain IPv4", input: "10.224.0.1", value: "10.224.0.1" },
  { name: "all zeros", input: "0.0.0.0", value: "0.0.0.0" },
  { name: "all ones", input: "255.255.255.255", value: "255.255.255.255" },
  { name: "leading zero (octal in some parsers)", input: "010.0.0.1", reason: 'octet "010" has a leading zero' },
  { name: "octet above 255", input: "1.2.3.256", reason: "octet 256 is greater than 255" },
  { name: "four-digit octet", input: "1.2.3.1000", reason: 'octet "1000" is greater than 255' },
  { name: "four digits with leading zeros", input: "0001.2.3.4", reason: 'octet "0001" has a leading zero' },
  { name: "three parts", input: "1.2.3", reason: "it has 3 octets instead of four" },
  { name: "five parts", input: "1.2.3.4.5", reason: "it has more than four octets" },
  { name: "empty part in the middle", input: "1..2.3", reason: "it has an empty part" },
  { name: "trailing dot", input: "1.2.3.", reason: "it has an empty part" },
  { name: "leading dot", input: ".1.2.3", reason: "it has an empty part" },
  { name: "sign", input: "+1.2.3.4", reason: 'unexpected character "+" at position 1' },
  { name: "hex octet", input: "0x1.2.3.4", reason: 'unexpected character "x" at position 2' },
  { name: "leading space", input: " 10.0.0.1", reason: "it contains whitespace" },
  { name: "trailing newline", input: "10.0.0.1\n", reason: "it contains whitespace" },
  { name: "full-width digit", input: "１.2.3.4", reason: 'unexpected character "１" at position 1' },
  { name: "a prefix where an address is wanted", input: "10.0.0.0/8", reason: "it is a prefix, not an address" },
  { name: "empty", input: "", reason: "it is empty" },
  // IPv6: RFC 4291 text forms, printed per RFC 5952.
  { name: "unspecified", input: "::", value: "::" },
  { name: "loopback", input: "::1", value: "::1" },
  { name: "all eight groups, zeros", input: "0:0:0:0:0:0:0:0", value: "::" },
  { name: "upper case hex is read, printed lower case", input: "FD00::ABCD", value: "fd00::abcd" },
  { name: "leading zeros in groups are dropped", input: "2001:0db8::0001", value: "2001:db8::1" },
  { name: "longest zero run is compressed", input: "1:0:0:1:0:0:0:1", value: "1:0:0:1::1" },
  { name: "first of equal runs is compressed", input: "2001:db8:0:0:1:0:0:1", value: "2001:db8::1:0:0:1" },
  { name: "a single zero group is not compressed", input: "1:2:3:4:5:6:7::", value: "1:2:3:4:5:6:7:0" },
  { name: "IPv4-mapped in mixed notation", input: "::ffff:1.2.3.4", value: "::ffff:1.2.3.4" },
  { name: "IPv4-mapped written in hex", input: "::FFFF:0102:0304", value: "::ffff:1.2.3.4" },
  { name: "embedded IPv4 after six groups", input: "1:2:3:4:5:6:1.2.3.4", value: "1:2:3:4:5:6:102:304" },
  { name: "deprecated IPv4-compatible form", input: "::1.2.3.4", value: "::102:304" },
  {
    name: "embedded IPv4 too early",
    input: "1:2:3:4:5:6:7:1.2.3.4",
    reason: "an embedded IPv4 address must be the last 32 bits",
  },
  {
    name: "embedded IPv4 with a leading zero",
    input: "::ffff:1.2.3.04",
    reason: 'embedded IPv4 address: octet "04" has a leading zero',
  },
  { name: "two ::", input: "1::2::3", reason: "it has more than one ::" },
  {
    name: "three colons",
    input: ":::",
    reason: "it has an empty group (a single colon where two are needed, or more than one ::)",
  },
  { name: "nine groups", input: "1:2:3:4:5:6:7:8:9", reason: "it has more than eight groups" },
  { name: ":: with eight groups", input: "1:2:3:4:5:6:7:8::", reason: "it has :: but already eight groups" },
  { name: "five hex digits", input: "00001::", reason: 'group "00001" has more than four hex digits' },
  { name: "too few groups", input: "1:2", reason: "it has 2 groups instead of eight" },
  { name: "single leading colon", input: ":1::", reason: "it starts with a single colon" },
  { name: "single trailing colon", input: "1::2:", reason: "it ends with a single colon" },
  { name: "zone index", input: "fe80::1%eth0", reason: "zones (%) are not allowed" },
  { name: "non-hex letter", input: "g::", reason: 'unexpected character "g" at position 1' },
];

describe("parseAddr corpus", () => {
  it.each(addrCorpus)("$name: $input", ({ input, value, reason }) => {
    const r = tryParseAddr(input);
    if (value !== undefined) {
      expect(r.ok && r.value.toString()).toBe(value);
      expect(parseAddr(input).toString()).toBe(value);
    } else {
      expect(r.ok ? r.value.toString() : r.error.reason).toBe(reason);
      expect(() => parseAddr(input)).toThrow(ParseError);
    }
  });

  it("the error message quotes the input and names the problem", () => {
    expect(() => parseAddr("010.0.0.1")).toThrow(
      '"010.0.0.1" is not a valid IP address: octet "010" has a leading zero',
    );
  });
});

const prefixCorpus: Array<{ name: string; input: string; value?: string; masked?: string; reason?: string }> = [
  { name: "the whole IPv4 space", input: "0.0.0.0/0", value: "0.0.0.0/0", masked: "0.0.0.0/0" },
  { name: "/0 with host bits", input: "10.1.2.3/0", value: "10.1.2.3/0", masked: "0.0.0.0/0" },
  { name: "a single IPv4 address", input: "10.0.0.1/32", value: "10.0.0.1/32", masked: "10.0.0.1/32" },
  { name: "the whole IPv6 space", input: "::/0", value: "::/0", masked: "::/0" },
  { name: "a single IPv6 address", input: "fd00::1/128", value: "fd00::1/128", masked: "fd00::1/128" },
  {
    name: "host bits are kept; masked() gives the network",
    input: "10.0.0.5/16",
    value: "10.0.0.5/16",
    masked: "10.0.0.0/16",
  },
  { name: "IPv6 host bits", input: "FD12:3456::1/32", value: "fd12:3456::1/32", masked: "fd12:3456::/32" },
  {
    name: "IPv4-mapped prefix",
    input: "::ffff:10.0.0.0/100",
    value: "::ffff:10.0.0.0/100",
    masked: "::ffff:0.0.0.0/100",
  },
  { name: "length above 32", input: "1.2.3.4/33", reason: "prefix length 33 is out of range for IPv4 (0 to 32)" },
  { name: "length above 128", input: "::/129", reason: "prefix length 129 is out of range for IPv6 (0 to 128)" },
  { name: "leading zero in the length", input: "10.0.0.0/08", reason: 'prefix length "08" has a leading zero' },
  { name: "negative length", input: "10.0.0.0/-1", reason: 'prefix length "-1" is not a decimal number' },
  { name: "two slashes", input: "fe80::/64/64", reason: 'prefix length "64/64" is not a decimal number' },
  { name: "empty length", input: "10.0.0.0/", reason: "the prefix length after / is empty" },
  { name: "empty address", input: "/24", reason: "the address before / is empty" },
  { name: "space before the slash", input: "10.0.0.0 /8", reason: "it contains whitespace" },
  { name: "space after the slash", input: "10.0.0.0/ 8", reason: "it contains whitespace" },
  { name: "zone in a prefix", input: "fe80::%eth0/64", reason: "zones (%) are not allowed" },
  { name: "no length", input: "10.0.0.1", reason: "it has no prefix length (write 10.0.0.1/32 for a single address)" },
];

describe("parsePrefix corpus", () => {
  it.each(prefixCorpus)("$name: $input", ({ input, value, masked, reason }) => {
    const r = tryParsePrefix(input);
    if (value !== undefined) {
      expect(r.ok && r.value.toString()).toBe(value);
      expect(parsePrefix(input).masked().toString()).toBe(masked);
      expect(parsePrefix(input).isMasked()).toBe(value === masked);
    } else {
      expect(r.ok ? r.value.toString() : r.error.reason).toBe(reason);
    }
  });

  it.each([
    { input: "10.0.0.1", value: "10.0.0.1/32" },
    { input: "fd00::1", value: "fd00::1/128" },
    { input: "10.0.0.0/8", value: "10.0.0.0/8" },
  ])("parsePrefixOrAddr reads $input as $value", ({ input, value }) => {
    expect(parsePrefixOrAddr(input).toString()).toBe(value);
  });

  it.each([
    { input: "10.0.0.5-10.0.0.9", value: "10.0.0.5-10.0.0.9" },
    { input: "fd00::1-fd00::ff", value: "fd00::1-fd00::ff" },
    { input: "10.0.0.9-10.0.0.5", reason: "the last address is before the first" },
    { input: "10.0.0.1-fd00::1", reason: "it mixes IPv4 and IPv6" },
    { input: "10.0.0.1", reason: "it has no '-' between the first and last address" },
  ])("parseRange $input", ({ input, value, reason }) => {
    const r = tryParseRange(input);
    expect(r.ok ? r.value.toString() : r.error.reason).toBe(value ?? reason);
    if (value) expect(parseRange(input).toString()).toBe(value);
  });
});

const arbAddr4 = fc.integer({ min: 0, max: 0xffffffff }).map((n) => addrFromBigInt(BigInt(n), 4));
const arbAddr6 = fc
  .oneof(
    fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
    // Mostly-zero addresses exercise the :: compression and the mapped form.
    fc
      .array(fc.constantFrom(0, 0, 0, 1, 0xffff, 0xabc), { minLength: 8, maxLength: 8 })
      .map((g) => g.reduce((acc, x) => (acc << 16n) | BigInt(x), 0n)),
  )
  .map((n) => addrFromBigInt(n, 6));
const arbAddr = fc.oneof(arbAddr4, arbAddr6);

describe("laws", () => {
  it("format then parse gives the same address, and formatting is canonical", () => {
    fc.assert(
      fc.property(arbAddr, (a) => {
        const s = a.toString();
        expect(parseAddr(s).equals(a)).toBe(true);
        expect(parseAddr(s).toString()).toBe(s);
        expect(s).toBe(s.toLowerCase());
        expect(s.split("::").length).toBeLessThanOrEqual(2);
      }),
    );
  });

  it("prefixes round-trip through text, and masked() is idempotent", () => {
    fc.assert(
      fc.property(arbAddr, fc.integer({ min: 0, max: 128 }), (a, n) => {
        const p = prefixFrom(a, n % (a.bitLength + 1));
        expect(parsePrefix(p.toString()).equals(p)).toBe(true);
        const m = p.masked();
        expect(m.masked()).toBe(m);
        expect(p.masked().isMasked()).toBe(true);
        expect(p.contains(a)).toBe(true);
      }),
    );
  });

  it("ordering is total, antisymmetric, transitive and agrees with equals", () => {
    fc.assert(
      fc.property(arbAddr, arbAddr, arbAddr, (a, b, c) => {
        // a sum: -Math.sign(0) is -0, which toBe tells from 0
        expect(Math.sign(a.compare(b)) + Math.sign(b.compare(a))).toBe(0);
        expect(a.compare(b) === 0).toBe(a.equals(b));
        if (a.compare(b) <= 0 && b.compare(c) <= 0) expect(a.compare(c)).toBeLessThanOrEqual(0);
        if (a.family !== b.family) expect(Math.sign(a.compare(b))).toBe(a.family === 4 ? -1 : 1);
      }),
    );
  });

  it("prefix ordering is total and agrees with equals; sorting by it puts networks in address order", () => {
    const arbPrefix = fc
      .tuple(arbAddr, fc.integer({ min: 0, max: 128 }))
      .map(([a, n]) => prefixFrom(a, n % (a.bitLength + 1)));
    fc.assert(
      fc.property(arbPrefix, arbPrefix, arbPrefix, (a, b, c) => {
        // a sum: -Math.sign(0) is -0, which toBe tells from 0
        expect(Math.sign(a.compare(b)) + Math.sign(b.compare(a))).toBe(0);
        expect(a.compare(b) === 0).toBe(a.equals(b));
        if (a.compare(b) <= 0 && b.compare(c) <= 0) expect(a.compare(c)).toBeLessThanOrEqual(0);
        if (a.compare(b) < 0) expect(a.first().compare(b.first())).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("subnets partition the parent in order", () => {
    fc.assert(
      fc.property(arbAddr, fc.integer({ min: 0, max: 128 }), fc.integer({ min: 0, max: 6 }), (a, n, extra) => {
        const bits = Math.max(0, (n % (a.bitLength + 1)) - 6);
        const parent = prefixFrom(a, bits).masked();
        const subs = [...parent.subnets(bits + extra)];
        expect(subs.length).toBe(2 ** extra);
        expect(subs[0]!.first().equals(parent.first())).toBe(true);
        expect(subs.at(-1)!.last().equals(parent.last())).toBe(true);
        for (let i = 1; i < subs.length; i++) expect(subs[i]!.first().equals(subs[i - 1]!.last().next()!)).toBe(true);
        for (const s of subs) expect(s.supernet(bits).equals(parent)).toBe(true);
      }),
    );
  });

  it("a range's toPrefixes is sorted, adjacent, exact and minimal", () => {
    fc.assert(
      fc.property(arbAddr, fc.bigInt({ min: 0n, max: 1n << 40n }), (a, len) => {
        const to = a.add(len) ?? a;
        const r = parseRange(`${a}-${to}`);
        const ps = r.toPrefixes();
        expect(ps[0]!.first().equals(a)).toBe(true);
        expect(ps.at(-1)!.last().equals(to)).toBe(true);
        for (let i = 1; i < ps.length; i++) expect(ps[i]!.first().equals(ps[i - 1]!.last().next()!)).toBe(true);
        // Minimal: no two neighbours form one aligned block.
        for (let i = 1; i < ps.length; i++) {
          const [x, y] = [ps[i - 1]!, ps[i]!];
          expect(x.bits === y.bits && x.bits > 0 && x.supernet().equals(y.supernet())).toBe(false);
        }
        expect(ps.every((p) => p.isMasked())).toBe(true);
      }),
    );
  });

  it("parsing never throws anything but ParseError", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF:./% -x"), maxLength: 45 }), (s) => {
        for (const f of [parseAddr, parsePrefix, parsePrefixOrAddr, parseRange]) {
          try {
            f(s);
          } catch (e) {
            expect(e).toBeInstanceOf(ParseError);
            expect((e as ParseError).message.startsWith(JSON.stringify(s))).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("Addr.of4 and addrFromBigInt agree", () => {
    expect(Addr.of4(0x0a000001).equals(addrFromBigInt(0x0a000001n, 4))).toBe(true);
  });
});
