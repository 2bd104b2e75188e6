/** Azure subnet arithmetic: case tables and the defining law against a plain search. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePrefix, smallestPrefixBits } from "../ip/index.js";
import { azureSubnetProblem, azureUsable, isAzureSubnetSize, smallestAzureSubnetBits } from "./azure-subnets.js";

describe("Azure subnets", () => {
  it.each([
    { cidr: "10.0.0.0/24", usable: 251n, ok: true },
    { cidr: "10.0.0.0/29", usable: 3n, ok: true },
    { cidr: "10.0.0.0/30", usable: 0n, ok: false },
    { cidr: "10.0.0.1/32", usable: 0n, ok: false },
    { cidr: "10.0.0.0/16", usable: 65_531n, ok: true },
    { cidr: "0.0.0.0/2", usable: 2n ** 30n - 5n, ok: true },
    { cidr: "0.0.0.0/1", usable: 2n ** 31n - 5n, ok: false },
    { cidr: "fd00::/64", usable: 2n ** 64n - 5n, ok: true },
    { cidr: "fd00::/48", usable: 2n ** 80n - 5n, ok: false },
  ])("$cidr: $usable usable, valid subnet size: $ok", ({ cidr, usable, ok }) => {
    const p = parsePrefix(cidr);
    expect(azureUsable(p)).toBe(usable);
    expect(isAzureSubnetSize(p)).toBe(ok);
    expect(azureSubnetProblem(p) === undefined).toBe(ok);
  });

  it.each([
    { cidr: "10.0.0.0/30", problem: "/30 is smaller than /29, the smallest IPv4 subnet Azure allows" },
    { cidr: "0.0.0.0/1", problem: "/1 is larger than /2, the largest IPv4 subnet Azure allows" },
    { cidr: "fd00::/48", problem: "/48 is not /64, the only IPv6 subnet size Azure allows" },
  ])("$cidr: $problem", ({ cidr, problem }) => {
    expect(azureSubnetProblem(parsePrefix(cidr))).toBe(problem);
  });

  it.each([
    { addresses: 0, bits: 29 },
    { addresses: 3, bits: 29 },
    { addresses: 4, bits: 28 },
    { addresses: 251, bits: 24 },
    { addresses: 252, bits: 23 },
    { addresses: 2 ** 30 - 5, bits: 2 },
    { addresses: 2 ** 30 - 4, bits: undefined },
  ])("smallestAzureSubnetBits($addresses) = $bits", ({ addresses, bits }) => {
    expect(smallestAzureSubnetBits(addresses)).toBe(bits);
  });

  it("smallestAzureSubnetBits is the longest allowed prefix whose usable count suffices", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (n) => {
        const fits = (bits: number) => 2 ** (32 - bits) - 5 >= n;
        let want: number | undefined;
        for (let bits = 2; bits <= 29; bits++) if (fits(bits)) want = bits;
        expect(smallestAzureSubnetBits(n)).toBe(want);
      }),
    );
  });

  it.each([
    { addresses: Number.NaN, name: "NaN" },
    { addresses: -1, name: "a negative count" },
    { addresses: 1.5, name: "a fraction" },
    { addresses: Number.POSITIVE_INFINITY, name: "infinity" },
    { addresses: -1n, name: "a negative bigint" },
  ])("smallestAzureSubnetBits of $name is undefined, not a throw", ({ addresses }) => {
    expect(smallestAzureSubnetBits(addresses)).toBeUndefined();
  });

  it.each([
    { count: -1n, bitLength: 32 as const, bits: undefined },
    { count: Number.NaN, bitLength: 32 as const, bits: undefined },
    { count: 0n, bitLength: 32 as const, bits: 32 },
    { count: 1n, bitLength: 32 as const, bits: 32 },
    { count: 3n, bitLength: 32 as const, bits: 30 },
    { count: 2n ** 32n, bitLength: 32 as const, bits: 0 },
    { count: 2n ** 32n + 1n, bitLength: 32 as const, bits: undefined },
    { count: 2n ** 64n, bitLength: 128 as const, bits: 64 },
  ])("smallestPrefixBits($count, $bitLength) = $bits", ({ count, bitLength, bits }) => {
    expect(smallestPrefixBits(count, bitLength)).toBe(bits);
  });
});
