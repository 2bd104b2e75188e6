import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { facts, renderFactsMarkdown } from "./catalog.js";
import { DATAPLANES, supportsDataplane } from "./dataplanes.js";
import { DEFAULT_CIDRS } from "./default-cidrs.js";
import { defaultMaxSurge, defaultModel } from "./defaults.js";
import { DATAPLANE_IDS, MODEL_IDS } from "./ids.js";
import { tryParseKubernetesVersion } from "./kubernetes-version.js";
import { boundsOrdered } from "./lint/bounds-ordered.js";
import { everyFactSourced } from "./lint/every-fact-sourced.js";
import { factsFresh, STALE_AFTER_DAYS } from "./lint/facts-fresh.js";
import { modelsComplete } from "./lint/models-complete.js";
import { cidrInside, reservedRangesDisjoint } from "./lint/reserved-ranges-disjoint.js";
import { modelOf, type ModelSelector } from "./model-of.js";
import { MODELS } from "./models/index.js";
import { PLATFORM_LIMITS } from "./platform-limits.js";
import { LOCALDNS_RANGE, RESERVED_RANGES } from "./reserved-ranges.js";
import { isSourced, sourced, type Source } from "./source.js";
import * as KB from "./index.js";

const WEB: Source = { url: "https://example.org" };
const ON = { checked: "2026-11-22" };
/** Today, as the KB lint sees it (UTC). */
const TODAY = new Date().toISOString().slice(0, 10);

const defaultCidrList = [
  { name: "podCidr", cidr: DEFAULT_CIDRS.podCidr.value },
  { name: "serviceCidr", cidr: DEFAULT_CIDRS.serviceCidr.value },
  { name: "managedVnet", cidr: DEFAULT_CIDRS.managedVnet.value },
  { name: "managedSubnet", cidr: DEFAULT_CIDRS.managedSubnet.value },
];

describe("the knowledge base passes its data lints", () => {
  it.each([
    { name: "every fact is sourced", problems: () => everyFactSourced(facts()) },
    { name: "bounds are ordered", problems: () => boundsOrdered(Object.values(MODELS), PLATFORM_LIMITS) },
    {
      name: "reserved ranges are disjoint and avoid the defaults",
      problems: () => reservedRangesDisjoint(RESERVED_RANGES, defaultCidrList),
    },
    { name: "every model declares every field", problems: () => modelsComplete(MODELS, Object.values(DATAPLANES)) },
    {
      name: `every fact was checked within ${STALE_AFTER_DAYS} days (recheck the sources of a stale one)`,
      problems: () => factsFresh(facts(), TODAY),
    },
  ])("$name", ({ problems }) => {
    expect(problems()).toEqual([]);
  });

  it("covers every model id and dataplane id", () => {
    expect(Object.keys(MODELS).sort()).toEqual([...MODEL_IDS].sort());
    expect(Object.keys(DATAPLANES).sort()).toEqual([...DATAPLANE_IDS].sort());
  });

  it("keeps the LocalDNS range inside link-local space and the managed subnet inside the managed VNet", () => {
    expect(cidrInside(LOCALDNS_RANGE.value, "169.254.0.0/16")).toBe(true);
    expect(cidrInside(DEFAULT_CIDRS.managedSubnet.value, DEFAULT_CIDRS.managedVnet.value)).toBe(true);
    expect(cidrInside(`${DEFAULT_CIDRS.dnsServiceIp.value}/32`, DEFAULT_CIDRS.serviceCidr.value)).toBe(true);
  });
});

describe("the data lints catch bad data", () => {
  const good = MODELS["azure-cni-overlay"];
  it.each([
    {
      name: "a fact without a source",
      problems: () => everyFactSourced([{ path: "x", fact: { value: 1, source: [], checked: "2026-11-22" } }]),
      expected: "x: no source",
    },
    {
      name: "a source that is not a URL or repo path",
      problems: () => everyFactSourced([{ path: "x", fact: sourced(1, { url: "the docs" }, ON) }]),
      expected: "neither an https URL",
    },
    {
      name: "a citation of an internal reference (Reference X2)",
      problems: () => everyFactSourced([{ path: "x", fact: sourced(1, { url: "Reference X2" }, ON) }]),
      expected: 'source "Reference X2" is neither',
    },
    {
      name: "a citation of a local file (/work/shared/…)",
      problems: () =>
        everyFactSourced([{ path: "x", fact: sourced(1, { url: "/work/shared/reference/aks-networking.md" }, ON) }]),
      expected: "is neither an https URL nor owner/repo:path",
    },
    {
      name: "a plain-http URL",
      problems: () => everyFactSourced([{ path: "x", fact: sourced(1, { url: "http://example.org" }, ON) }]),
      expected: "is neither an https URL",
    },
    {
      name: "an impossible check date",
      problems: () => everyFactSourced([{ path: "x", fact: sourced(1, WEB, { checked: "2026-02-30" }) }]),
      expected: "not a YYYY-MM-DD date",
    },
    {
      name: "an alternative without a note",
      problems: () =>
        everyFactSourced([
          { path: "x", fact: sourced(1, WEB, { ...ON, alternatives: [{ value: 2, source: [WEB], note: " " }] }) },
        ]),
      expected: "does not say what it means",
    },
    {
      name: "a fact checked 181 days ago is stale",
      problems: () => factsFresh([{ path: "x", fact: sourced(1, WEB, { checked: "2026-06-08" }) }], "2026-12-06"),
      expected: "x: last checked 2026-06-08, 181 days ago (more than 180)",
    },
    {
      name: "a check date after today",
      problems: () => factsFresh([{ path: "x", fact: sourced(1, WEB, { checked: "2026-12-07" }) }], "2026-12-06"),
      expected: "is after today",
    },
    {
      name: "a default above the maximum",
      problems: () =>
        boundsOrdered([{ ...good, defaultMaxPods: sourced(300, good.defaultMaxPods.source, ON) }], PLATFORM_LIMITS),
      expected: "default maxPods 300 is outside 10..250",
    },
    {
      name: "a model above the cluster node limit",
      problems: () =>
        boundsOrdered(
          [{ ...good, maxNodes: sourced({ count: 6000, by: "platform" as const }, good.maxNodes.source, ON) }],
          PLATFORM_LIMITS,
        ),
      expected: "above the cluster limit",
    },
    {
      name: "overlapping reserved ranges",
      problems: () =>
        reservedRangesDisjoint(
          [...RESERVED_RANGES, { cidr: "172.30.128.0/17", reason: "r", forbiddenFor: [], source: [], ...ON }],
          [],
        ),
      expected: "overlap",
    },
    {
      name: "a reserved range that does not parse",
      problems: () =>
        reservedRangesDisjoint([{ cidr: "172.30.0.0/33", reason: "r", forbiddenFor: [], source: [], ...ON }], []),
      expected: "does not parse",
    },
    {
      name: "a default inside a reserved range",
      problems: () => reservedRangesDisjoint(RESERVED_RANGES, [{ name: "podCidr", cidr: "172.16.0.0/12" }]),
      expected: "overlaps reserved range 172.30.0.0/16",
    },
    {
      name: "a model missing a field",
      problems: () => modelsComplete({ "azure-cni-overlay": { ...good, windows: undefined as never } }, []),
      expected: "windows is missing",
    },
    {
      name: "a model and a dataplane that disagree",
      problems: () =>
        modelsComplete(
          { kubenet: { ...MODELS.kubenet, dataplanes: sourced(["azure", "cilium"] as const, [], ON) } },
          Object.values(DATAPLANES),
        ),
      expected: "says the opposite",
    },
  ])("$name", ({ problems, expected }) => {
    expect(problems().join("\n")).toContain(expected);
  });

  it("accepts a fact checked exactly 180 days ago", () => {
    expect(factsFresh([{ path: "x", fact: sourced(1, WEB, { checked: "2026-06-09" }) }], "2026-12-06")).toEqual([]);
  });
});

describe("documented facts", () => {
  it.each([
    {
      name: "kubenet stops at 400 nodes (route table)",
      actual: MODELS.kubenet.maxNodes.value,
      expected: { count: 400, by: "route-table" },
    },
    {
      name: "Overlay stops at 5,000 nodes",
      actual: MODELS["azure-cni-overlay"].maxNodes.value,
      expected: { count: 5000, by: "platform" },
    },
    { name: "kubenet retires 31 March 2028", actual: MODELS.kubenet.retirement.value, expected: "2028-03-31" },
    {
      name: "Node Subnet defaults to 30 pods",
      actual: MODELS["azure-cni-node-subnet"].defaultMaxPods.value,
      expected: 30,
    },
    {
      name: "kubenet defaults to 110 pods, portal 30",
      actual: [MODELS.kubenet.defaultMaxPods.value, MODELS.kubenet.defaultMaxPods.alternatives?.map((a) => a.value)],
      expected: [110, [30]],
    },
    {
      name: "Pod Subnet defaults to 250 pods, IP planning says 110",
      actual: [
        MODELS["azure-cni-pod-subnet-dynamic"].defaultMaxPods.value,
        MODELS["azure-cni-pod-subnet-dynamic"].defaultMaxPods.alternatives?.map((a) => a.value),
      ],
      expected: [250, [110]],
    },
    {
      name:
        "Overlay has no per-cluster pod limit (independent limits: don't multiply); 200,000 and 250,000 are " +
        "alternatives",
      actual: [
        MODELS["azure-cni-overlay"].maxPodsPerCluster.value,
        MODELS["azure-cni-overlay"].maxPodsPerCluster.alternatives?.map((a) => a.value),
      ],
      expected: [null, [200000, 250000]],
    },
    {
      name: "only static block allocation refuses a Private Link Service through a LoadBalancer service",
      actual: MODEL_IDS.filter((m) => !MODELS[m].privateLinkService.value),
      expected: ["azure-cni-pod-subnet-static"],
    },
    {
      name:
        "dynamic allocation: a node requests at most min(maxPods, 250) IPs, plus its network container's primary " +
        "IP",
      actual: MODELS["azure-cni-pod-subnet-dynamic"].podAddressing.value,
      expected: {
        kind: "pod-subnet-batch",
        batch: 16,
        minFree: 8,
        releaseAbove: 24,
        requestCap: 250,
        requestCapIsMaxPods: true,
        primaryIpsPerNode: 1,
      },
    },
    {
      name: "only Overlay is dual-stack",
      actual: MODEL_IDS.filter((m) => MODELS[m].dualStack.value),
      expected: ["azure-cni-overlay"],
    },
  ])("$name", ({ actual, expected }) => {
    expect(actual).toEqual(expected);
  });
});

describe("supportsDataplane", () => {
  it.each([
    { model: "kubenet", dataplane: "cilium", expected: false },
    { model: "byo-cni", dataplane: "cilium", expected: false },
    { model: "byo-cni", dataplane: "azure", expected: false },
    { model: "azure-cni-overlay", dataplane: "cilium", expected: true },
    { model: "azure-cni-node-subnet", dataplane: "cilium", expected: true },
    { model: "azure-cni-pod-subnet-static", dataplane: "cilium", expected: true },
    { model: "kubenet", dataplane: "azure", expected: true },
  ] as const)("$model on $dataplane → $expected", ({ model, dataplane, expected }) => {
    expect(supportsDataplane(model, dataplane)).toBe(expected);
  });
});

describe("modelOf", () => {
  it.each<{ name: string; s: ModelSelector; expected: string }>([
    { name: "kubenet", s: { plugin: "kubenet" }, expected: "kubenet" },
    { name: "none", s: { plugin: "none" }, expected: "byo-cni" },
    { name: "azure + overlay", s: { plugin: "azure", pluginMode: "overlay" }, expected: "azure-cni-overlay" },
    { name: "azure alone is node subnet", s: { plugin: "azure" }, expected: "azure-cni-node-subnet" },
    {
      name: "azure + pod subnet is dynamic",
      s: { plugin: "azure", podSubnet: true },
      expected: "azure-cni-pod-subnet-dynamic",
    },
    {
      name: "azure + pod subnet + StaticBlock",
      s: { plugin: "azure", podSubnet: true, podIpAllocation: "StaticBlock" },
      expected: "azure-cni-pod-subnet-static",
    },
    {
      name: "StaticBlock without a pod subnet is still node subnet",
      s: { plugin: "azure", podIpAllocation: "StaticBlock" },
      expected: "azure-cni-node-subnet",
    },
  ])("$name", ({ s, expected }) => {
    expect(modelOf(s)).toBe(expected);
  });
});

describe("version-dependent defaults", () => {
  const v = (s: string) => tryParseKubernetesVersion(s);
  it.each([
    {
      name: "surge before 1.28 is 1 node",
      actual: [defaultMaxSurge(v("1.26")).value, defaultMaxSurge(v("1.26")).alternatives],
      expected: [{ kind: "count", count: 1 }, undefined],
    },
    {
      name: "surge on 1.27 is 1 node; the 2023 announcement's 10% is the alternative",
      actual: [defaultMaxSurge(v("1.27")).value, defaultMaxSurge(v("1.27")).alternatives?.map((a) => a.value)],
      expected: [{ kind: "count", count: 1 }, [{ kind: "percent", percent: 10 }]],
    },
    {
      name: "surge on 1.28-1.31 is 10% for new clusters, 1 node for pools created before (alternative)",
      actual: [defaultMaxSurge(v("1.31")).value, defaultMaxSurge(v("1.28")).alternatives?.map((a) => a.value)],
      expected: [{ kind: "percent", percent: 10 }, [{ kind: "count", count: 1 }]],
    },
    {
      name: "surge from 1.32 is 10%",
      actual: defaultMaxSurge(v("1.32.0")).value,
      expected: { kind: "percent", percent: 10 },
    },
    {
      name: "surge without a version is 10%, alternative 1",
      actual: [defaultMaxSurge().value, defaultMaxSurge().alternatives?.[0]?.value],
      expected: [
        { kind: "percent", percent: 10 },
        { kind: "count", count: 1 },
      ],
    },
    { name: "plugin before 1.30 is kubenet", actual: defaultModel(v("1.29")).value, expected: "kubenet" },
    { name: "plugin from 1.30 is Overlay", actual: defaultModel(v("v1.30")).value, expected: "azure-cni-overlay" },
    {
      name: "versions parse",
      actual: [v("1.33"), v("1.33.2"), v("1.x"), v("")],
      expected: [{ major: 1, minor: 33 }, { major: 1, minor: 33, patch: 2 }, undefined, undefined],
    },
  ])("$name", ({ actual, expected }) => {
    expect(actual).toEqual(expected);
  });
});

describe("docs/kb.md", () => {
  it("is generated from the knowledge base (npm run generate rewrites it)", () => {
    const file = resolve(import.meta.dirname, "../../docs/kb.md");
    const want = renderFactsMarkdown();
    expect(readFileSync(file, "utf8")).toBe(want);
  });
});

describe("the lints see every fact", () => {
  it("every sourced value the knowledge base exports is in facts(), so the lints and docs/kb.md cover it", () => {
    const listed = new Set<unknown>(facts().map((f) => f.fact));
    const missing: string[] = [];
    const seen = new Set<unknown>();
    const walk = (v: unknown, path: string, depth: number): void => {
      if (v === null || typeof v !== "object" || seen.has(v) || depth > 6) return;
      seen.add(v);
      if (isSourced(v)) {
        if (!listed.has(v)) missing.push(path);
        return;
      }
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, depth + 1);
    };
    for (const [name, v] of Object.entries(KB)) walk(v, name, 0);
    expect(missing).toEqual([]);
  });
});
