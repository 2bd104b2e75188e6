/** The identity of inspect's and scan's findings: what the baseline and the config's resource patterns see. */
import { describe, expect, it } from "vitest";
import { CHECKS as SCAN_CHECKS } from "../../../engines/scan/index.js";
import { inspectFindings, resourceBaselineFingerprints, SCAN_CHECK_RULE_IDS } from "./resource-findings.js";
import { applyResourcePolicy, resourceFingerprint, type ResourceFinding } from "./resources.js";
import type { LoadedConfig } from "./load-config.js";
import type { ProjectConfig } from "./config.js";

const CLUSTER = "/subscriptions/s/resourceGroups/rg-dev-weu/providers/Microsoft.ContainerService/managedClusters/aks-a";
const finding = (o: Partial<ResourceFinding> = {}): ResourceFinding => ({
  ruleId: "scan/scale-out",
  severity: "error",
  resource: `${CLUSTER}/agentPools/user`,
  cluster: { id: CLUSTER, name: "aks-a" },
  key: "/subscriptions/s/.../subnets/aks",
  message: "m",
  ...o,
});
const config = (c: ProjectConfig): LoadedConfig => ({ config: c, file: "aksnet.config.yaml", dir: "/" });

describe("resource findings", () => {
  it("name every scan check as scan/<check>, and scan/unassessed", () => {
    expect([...SCAN_CHECK_RULE_IDS].sort()).toEqual(
      [...Object.keys(SCAN_CHECKS).map((k) => `scan/${k}`), "scan/unassessed"].sort(),
    );
  });

  it("are the same finding whatever the case of the resource ID (Azure's IDs are case-insensitive)", () => {
    expect(resourceFingerprint(finding({ resource: CLUSTER.toUpperCase() }))).toBe(
      resourceFingerprint(finding({ resource: CLUSTER })),
    );
  });

  it("key a headroom check by its name without the figures, which change between runs", () => {
    const report = (used: string) => ({
      kind: "InspectReport",
      source: { kind: "live", context: "aks-a", server: null },
      headroom: { checks: [{ name: `VNet private IP limit (65,536; ${used} used)`, fits: false, message: "x" }] },
      configured: null,
      azure: null,
    });
    const [a] = inspectFindings(report("100"));
    expect(a).toMatchObject({ ruleId: "inspect/headroom", resource: "aks-a", key: "VNet private IP limit" });
    expect(resourceBaselineFingerprints(report("100"))).toEqual(resourceBaselineFingerprints(report("9,000")));
  });
});

describe("the resource policy", () => {
  const cases: { name: string; config: ProjectConfig; severity: string | undefined; suppressed?: boolean }[] = [
    { name: "no entry", config: {}, severity: "error" },
    { name: "the rule off", config: { rules: { "scan/scale-out": "off" } }, severity: undefined },
    { name: "a note", config: { rules: { "scan/scale-out": "note" } }, severity: "info" },
    {
      name: "an override by resource ID glob, any case",
      config: {
        overrides: [
          { resources: ["/SUBSCRIPTIONS/*/resourceGroups/rg-dev-*/**"], rules: { "scan/scale-out": "warning" } },
        ],
      },
      severity: "warning",
    },
    {
      name: "an override by cluster name covers its pools",
      config: { overrides: [{ resources: ["aks-*"], rules: { "scan/scale-out": "off" } }] },
      severity: undefined,
    },
    {
      name: "a later override wins",
      config: {
        overrides: [
          { resources: ["aks-*"], rules: { "scan/scale-out": "off" } },
          { resources: ["aks-a"], rules: { "scan/scale-out": "warning" } },
        ],
      },
      severity: "warning",
    },
    {
      name: "a suppression of another rule",
      config: { suppressions: [{ resources: ["aks-a"], rules: ["scan/next-upgrade"], reason: "r" }] },
      severity: "error",
    },
    {
      name: "a suppression of another cluster",
      config: { suppressions: [{ resources: ["aks-b"], rules: ["scan/scale-out"], reason: "r" }] },
      severity: "error",
    },
    {
      name: "a suppression by pool ID",
      config: { suppressions: [{ resources: ["**/agentPools/user"], rules: ["scan/scale-out"], reason: "r" }] },
      severity: "error",
      suppressed: true,
    },
  ];
  it.each(cases)("$name", ({ config: c, severity, suppressed }) => {
    const r = applyResourcePolicy([finding()], { config: config(c) });
    const all = [...r.findings, ...r.suppressed];
    expect(all[0]?.severity).toBe(severity);
    expect(r.suppressed.length).toBe(suppressed ? 1 : 0);
  });

  it("counts the baseline: two equal findings against one entry leave one new", () => {
    const fp = resourceFingerprint(finding());
    const r = applyResourcePolicy([finding(), finding()], { baseline: { file: "b.json", counts: new Map([[fp, 1]]) } });
    expect([r.findings.length, r.suppressed.length]).toEqual([1, 1]);
  });
});
