/** The README's library example works through the package's public entry point. */
import { describe, expect, it } from "vitest";
import * as aksnet from "../src/index.js";

describe("library surface", () => {
  it("runs the README example", () => {
    const result = aksnet.compare({ nodeSubnet: aksnet.parsePrefix("10.224.0.0/22") });
    const kubenet = result.models.find((m) => m.model === "kubenet");
    expect(kubenet?.maxNodes).toBe(256); // 1,019 usable addresses, but the default /16 pod CIDR holds 256 /24s
    expect(kubenet?.limitedBy).toBe("pod-cidr");
    expect(aksnet.mergePrefixes(["10.0.0.0/24", "10.0.1.0/24"].map(aksnet.parsePrefix)).map(String)).toEqual([
      "10.0.0.0/23",
    ]);
  });

  it.each([
    "compare",
    "size",
    "parsePlan",
    "resolvePlan",
    "validate",
    "recommend",
    "planMigration",
    "generate",
    "loadPlanText",
    "parsePrefix",
    "AddrSet",
    "freePrefixes",
    "MODELS",
  ])("exports %s", (name) => {
    expect((aksnet as Record<string, unknown>)[name]).toBeDefined();
  });
});
