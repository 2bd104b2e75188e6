import { describe, expect, it } from "vitest";
import { generate, GENERATE_FORMATS } from "./index.js";
import { PLANS } from "./testing/plans.js";

const EXT = { az: "sh", bicep: "bicep", terraform: "tf" } as const;

describe("golden files", () => {
  for (const [name, plan] of Object.entries(PLANS)) {
    for (const format of GENERATE_FORMATS) {
      it(`${name}.${EXT[format]}`, async () => {
        const r = generate(plan, format);
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
        await expect(r.text).toMatchFileSnapshot(`./__golden__/${name}.${EXT[format]}`);
      });
    }
  }
});
