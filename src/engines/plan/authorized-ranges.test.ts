import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAuthorizedRange, parseAuthorizedRanges } from "./authorized-ranges.js";

const dotted = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");

describe("parseAuthorizedRange", () => {
  it.each([
    { name: "a CIDR", text: "73.140.245.0/24", kind: "range", canonical: "73.140.245.0/24", hostBits: false },
    {
      name: "an address is its /32",
      text: "73.140.245.10",
      kind: "range",
      canonical: "73.140.245.10/32",
      hostBits: false,
    },
    { name: "host bits", text: "137.117.106.90/29", kind: "range", canonical: "137.117.106.88/29", hostBits: true },
    { name: "IPv6", text: "2001:db8::1", kind: "range", canonical: "2001:db8::1/128", hostBits: false },
    { name: "the special 0.0.0.0/32", text: "0.0.0.0/32", kind: "range", canonical: "0.0.0.0/32", hostBits: false },
    { name: "empty", text: "", kind: "empty" },
    { name: "blank", text: "  ", kind: "empty" },
    { name: "a service tag", text: "AzureCloud", kind: "serviceTag" },
    { name: "a regional service tag", text: "AzureCloud.WestEurope", kind: "serviceTag" },
    { name: "junk", text: "1.2.3.4/", kind: "invalid" },
    { name: "leading space", text: " 1.2.3.4/32", kind: "invalid" },
    { name: "a range with a dash", text: "1.2.3.4-1.2.3.9", kind: "invalid" },
    { name: "the doc's typo AzureCloud.", text: "AzureCloud.", kind: "invalid" },
  ])("$name", ({ text, kind, canonical, hostBits }) => {
    const r = parseAuthorizedRange(text);
    expect(r.kind).toBe(kind);
    if (r.kind === "range") expect({ canonical: r.canonical, hostBits: r.hostBits }).toEqual({ canonical, hostBits });
  });

  it("law: the canonical form of an IPv4 CIDR is its network, by arithmetic", () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.integer({ min: 0, max: 32 }), (n, bits) => {
        const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
        const network = (n & mask) >>> 0;
        const r = parseAuthorizedRange(`${dotted(n)}/${bits}`);
        expect(r.kind).toBe("range");
        if (r.kind !== "range") return;
        expect(r.canonical).toBe(`${dotted(network)}/${bits}`);
        expect(r.hostBits).toBe(network !== n);
        const again = parseAuthorizedRange(r.canonical);
        expect(again.kind === "range" && again.canonical === r.canonical && !again.hostBits).toBe(true);
      }),
    );
  });

  it("law: any text is read without throwing, as one of the four kinds", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        expect(["range", "empty", "serviceTag", "invalid"]).toContain(parseAuthorizedRange(s).kind);
      }),
    );
  });

  it("a value that is not text is invalid, not a throw", () => {
    expect(parseAuthorizedRange(42 as unknown as string).kind).toBe("invalid");
    expect(parseAuthorizedRanges([null, undefined, {}] as unknown as string[]).map((r) => r.kind)).toEqual([
      "invalid",
      "invalid",
      "invalid",
    ]);
  });

  it("reads at most its limit", () => {
    expect(parseAuthorizedRanges(["1.2.3.4", "1.2.3.5", "1.2.3.6"], 2)).toHaveLength(2);
  });
});
