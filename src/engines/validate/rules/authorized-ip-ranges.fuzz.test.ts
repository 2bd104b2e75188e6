/** The authorized IP ranges through the whole check: hostile lists give findings, quickly, never a throw. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlanInput } from "../../plan/index.js";
import { validate } from "../validate.js";

describe("a plan's authorized ranges, fuzzed through check", () => {
  const findingsOf = (authorizedIpRanges: unknown) =>
    validate({ apiServer: { authorizedIpRanges } } as unknown as PlanInput);

  it("1,000,000 entries (duplicates, junk and ranges): the first 10,000 are examined, the rule says so", () => {
    const texts = Array.from({ length: 1_000_000 }, (_, i) =>
      i % 3 === 0
        ? "73.140.245.0/24"
        : i % 3 === 1
          ? `junk ${i}`
          : `20.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    );
    const t0 = process.hrtime.bigint();
    const findings = findingsOf(texts);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    expect(findings.filter((f) => f.messageId === "tooMany")).toHaveLength(1);
    const dup = findings.filter((f) => f.data["of"] === "duplicate");
    expect(findings.filter((f) => f.messageId === "duplicate")).toHaveLength(20);
    expect(dup.map((f) => Number(f.data["more"]) + Number(f.data["shown"]))).toEqual([3_333]);
    const rest = findings.filter((f) => f.messageId === "notExamined").map((f) => f.data);
    expect(rest).toEqual([{ count: 1_000_000, examined: 10_000, rest: 990_000, most: 2000 }]);
    expect(ms).toBeLessThan(20_000);
  });

  it("law: any list of strings gives findings, never a throw", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string({ maxLength: 30 }), fc.ipV4(), fc.ipV6(), fc.constant("0.0.0.0/32"), fc.constant("")),
        ),
        (texts) => {
          expect(() => findingsOf(texts)).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a list that is not a list of strings is a schema problem, not a throw", () => {
    expect(findingsOf("1.2.3.4/32").length).toBeGreaterThan(0);
    expect(findingsOf([1, 2]).length).toBeGreaterThan(0);
  });
});
