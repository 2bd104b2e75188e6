import { describe, expect, it } from "vitest";
import { generate, GENERATE_FORMATS } from "./index.js";
import { PLANS, REFUSED } from "./testing/plans.js";

const EXT = { az: "sh", bicep: "bicep", terraform: "tf" } as const;

describe("golden files", () => {
  for (const [name, plan] of Object.entries(PLANS)) {
    for (const format of GENERATE_FORMATS) {
      const refusedAt = REFUSED[name]?.[format];
      if (refusedAt !== undefined) {
        it(`${name}.${EXT[format]} is refused, naming ${refusedAt}`, () => {
          const r = generate(plan, format);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.problems.map((p) => [p.path, p.format])).toEqual([[refusedAt, format]]);
        });
        continue;
      }
      it(`${name}.${EXT[format]}`, async () => {
        const r = generate(plan, format);
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
        await expect(r.text).toMatchFileSnapshot(`./__golden__/${name}.${EXT[format]}`);
      });
    }
  }
});
