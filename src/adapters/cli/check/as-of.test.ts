import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { parseAsOf } from "./as-of.js";

const NOW = new Date("2026-12-07T23:59:30Z");

describe("check --as-of: a day, or today at the CLI edge (UTC)", () => {
  it.each([
    { text: "2026-12-07", day: "2026-12-07" },
    { text: "2028-02-29", day: "2028-02-29" },
    { text: "today", day: "2026-12-07" },
  ])("$text → $day", ({ text, day }) => expect(parseAsOf(text, NOW)).toBe(day));

  it.each(["2026-02-30", "2026-13-01", "7 Dec 2026", "2026-12-7", "", "Today", "2027-02-29"])(
    "'%s' is refused in one sentence naming the option",
    (text) => {
      expect(() => parseAsOf(text, NOW)).toThrow(UsageError);
      expect(() => parseAsOf(text, NOW)).toThrow(`--as-of '${text}' is not a day; give one as YYYY-MM-DD`);
    },
  );
});
