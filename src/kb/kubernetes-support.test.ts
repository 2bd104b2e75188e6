import { describe, expect, it } from "vitest";
import { KUBERNETES_SUPPORT, kubernetesSupportOn } from "./kubernetes-support.js";

const RELEASES = KUBERNETES_SUPPORT.releases.value;

describe("kubernetesSupportOn: AKS's calendar (supported-kubernetes-versions, checked 2026-12-07)", () => {
  it.each([
    { name: "1.35 on the audit day: community support", version: "1.35", day: "2026-12-07", status: "supported" },
    { name: "1.34 the day after its end of life: LTS only", version: "1.34.2", day: "2026-12-01", status: "lts-only" },
    { name: "1.34 on its last day (Nov 2026 = Nov 30)", version: "1.34", day: "2026-11-30", status: "supported" },
    { name: "1.33 on the audit day: LTS only", version: "v1.33", day: "2026-12-07", status: "lts-only" },
    { name: "1.30 on its explicit end-of-life day", version: "1.30", day: "2025-08-22", status: "supported" },
    { name: "1.30 a day later", version: "1.30", day: "2025-08-23", status: "lts-only" },
    { name: "1.29 past LTS too", version: "1.29", day: "2026-12-07", status: "end-of-life" },
    { name: "1.37 before its AKS GA month", version: "1.37", day: "2026-09-30", status: "preview" },
    { name: "a minor not in the calendar", version: "1.38", day: "2026-12-07", status: "unknown" },
    { name: "not a version", version: "latest", day: "2026-12-07", status: "unknown" },
    { name: "not a day", version: "1.35", day: "7 Dec 2026", status: "unknown" },
  ])("$name: $status", ({ version, day, status }) => {
    expect(kubernetesSupportOn(version, day).status).toBe(status);
  });

  it("laws: minors in order, GA before end of life, LTS ends about a year after community support", () => {
    for (const [i, r] of RELEASES.entries()) {
      const [major, minor] = r.minor.split(".").map(Number);
      expect(major).toBe(1);
      if (i > 0) expect(minor).toBe(Number(RELEASES[i - 1]!.minor.split(".")[1]) + 1);
      expect(`${r.aksGa}-01` < r.endOfLife).toBe(true);
      const days = (Date.parse(r.ltsEndOfLife) - Date.parse(r.endOfLife)) / 86_400_000;
      expect(days).toBeGreaterThan(300);
      expect(days).toBeLessThan(430);
    }
  });

  it("N-2: from 2025-04 to 2027-03, three GA minors in community support, four while the oldest ends", () => {
    for (let m = 0; m < 24; m++) {
      const day = `${2025 + Math.floor((3 + m) / 12)}-${String(((3 + m) % 12) + 1).padStart(2, "0")}-15`;
      const supported = RELEASES.filter((r) => kubernetesSupportOn(r.minor, day).status === "supported");
      expect(supported.length, day).toBeGreaterThanOrEqual(KUBERNETES_SUPPORT.supportedMinors.value);
      expect(supported.length, day).toBeLessThanOrEqual(KUBERNETES_SUPPORT.supportedMinors.value + 1);
    }
  });
});
