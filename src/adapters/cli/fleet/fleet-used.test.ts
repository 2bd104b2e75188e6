/**
 * `aksnet fleet allocate --used` with every used-space format, on the importers' recorded samples
 * (src/adapters/importers/used/fixtures, SOURCES.md): the allocator places no VNet on space the file marks used
 * (the reader's own output is the oracle), and the fleet schema names the same formats the readers do.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { tryParsePrefix } from "../../../ip/index.js";
import { readUsedSpace, USED_FORMATS } from "../../importers/index.js";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const FIXTURES = resolve("src/adapters/importers/used/fixtures");
const POOL = "10.0.0.0/14";

const FLEET = `apiVersion: aksnet/v1
kind: FleetPlan
pools:
  - { name: spokes, cidrs: [${POOL}] }
hub: { name: hub, cidrs: [172.31.0.0/16] }
defaults:
  peerWith: [hub]
clusters:
  - { name: aks-a, plan: standard-cluster.yaml }
  - { name: aks-b, plan: standard-cluster.yaml }
`;

function setUp(): string {
  const dir = mkdtempSync(join(tmpdir(), "aksnet-fleet-used-"));
  writeFileSync(join(dir, "fleet.yaml"), FLEET);
  copyFileSync(resolve("examples/fleet/standard-cluster.yaml"), join(dir, "standard-cluster.yaml"));
  return dir;
}

const overlaps = (a: string, b: string): boolean => {
  const x = tryParsePrefix(a);
  const y = tryParsePrefix(b);
  return x.ok && y.ok && x.value.overlaps(y.value);
};

interface Allocation {
  clusters: { name: string; status: string; vnet: string[]; reason: string | null }[];
}

describe("aksnet fleet allocate --used, every format", () => {
  it.each([
    { name: "AVNM pool usage (az)", file: "avnm-pool-usage.json", format: "avnm-pool-usage" },
    { name: "AVNM pool usage (PowerShell)", file: "avnm-pool-usage-powershell.json", format: "avnm-pool-usage" },
    {
      name: "AVNM associated resources (az)",
      file: "avnm-associated-resources.json",
      format: "avnm-associated-resources",
    },
    { name: "Azure IPAM spaces (expand=true)", file: "azure-ipam-spaces.json", format: "azure-ipam" },
    { name: "NetBox prefixes", file: "netbox-prefixes.json", format: "netbox-prefixes" },
    { name: "NetBox prefixes (pynetbox list)", file: "netbox-prefixes-pynetbox.json", format: "netbox-prefixes" },
    { name: "a plain prefix list", file: "prefix-list.txt", format: "prefix-list" },
    { name: "aksnet scan -o json", file: "aksnet-scan.json", format: "aksnet-scan" },
  ])("$name: detected, and no VNet lands on used space", async ({ file, format }) => {
    const dir = setUp();
    const text = readFileSync(join(FIXTURES, file), "utf8");
    const used = readUsedSpace(text, file, { within: [POOL] }).prefixes.map((p) => p.cidr);
    expect(used.length).toBeGreaterThan(0);
    for (const f of ["auto", format]) {
      const io = memoryIo({ cwd: dir });
      const code = await run(
        ["fleet", "allocate", "fleet.yaml", "--used", join(FIXTURES, file), "--used-format", f, "-o", "json"],
        io,
      );
      expect(code, io.stderr).toBe(0);
      const out = JSON.parse(io.stdout) as Allocation;
      const vnets = out.clusters.flatMap((c) => c.vnet);
      expect(vnets).toHaveLength(2);
      for (const v of vnets) for (const u of used) expect(overlaps(v, u), `${v} overlaps used ${u}`).toBe(false);
    }
  });

  it("NetBox available-prefixes: only the listed free space is allocatable (a /24 holds no /23 VNet)", async () => {
    const dir = setUp();
    const io = memoryIo({ cwd: dir });
    const file = join(FIXTURES, "netbox-available-prefixes.json");
    expect(await run(["fleet", "allocate", "fleet.yaml", "--used", file, "-o", "json"], io)).toBe(1);
    const out = JSON.parse(io.stdout) as Allocation;
    for (const c of out.clusters) {
      expect(c.status).toBe("unplaced");
      expect(c.reason).toMatch(/no free \/\d+ left/);
    }
  });

  it("an Azure IPAM export without expand=true is refused: exit 2, one sentence", async () => {
    const dir = setUp();
    const io = memoryIo({ cwd: dir });
    const file = join(FIXTURES, "azure-ipam-spaces-ids-only.json");
    expect(await run(["fleet", "allocate", "fleet.yaml", "--used", file], io)).toBe(2);
    expect(io.stderr).toMatch(/expand=true/);
    expect(io.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("the fleet schema's usedFrom[].format names exactly the formats the readers take", () => {
    const schema = JSON.parse(readFileSync(resolve("schema/aksnet-fleet.schema.json"), "utf8")) as {
      properties: { usedFrom: { items: { properties: { format: { enum: string[] } } } } };
    };
    expect([...schema.properties.usedFrom.items.properties.format.enum].sort()).toEqual([...USED_FORMATS].sort());
  });
});
