// Written by scripts/lint-legacy.mjs: the files written before eslint.config.js enforced a 120-character line
// and 60-line functions (issue #12), exempt from those rules until fixed. Shrink only: fix a file, run the
// script again; never add a file by hand.

/** Files with a line over 120 characters (1 files). */
export const LONG_LINES = ["src/adapters/web/client/render-vnet-map.ts"];

/** Files with a function over 60 lines (tests exempt) (43 files). */
export const LONG_FUNCTIONS = [
  "src/adapters/cli/cidr/free.ts",
  "src/adapters/cli/compare/view.ts",
  "src/adapters/cli/fleet/command.ts",
  "src/adapters/cli/fleet/load.ts",
  "src/adapters/cli/generate/fleet-run.ts",
  "src/adapters/cli/inspect/command.ts",
  "src/adapters/cli/inspect/view.ts",
  "src/adapters/cli/mcp/tools.ts",
  "src/adapters/cli/migrate/render.ts",
  "src/adapters/cli/scan/command.ts",
  "src/adapters/cli/size/command.ts",
  "src/adapters/generate/automatic.ts",
  "src/adapters/generate/check-automatic.ts",
  "src/adapters/generate/features/nat-gateways.ts",
  "src/adapters/generate/fleet/index.ts",
  "src/adapters/importers/load.ts",
  "src/adapters/importers/used/aksnet-scan.ts",
  "src/adapters/importers/vnet.ts",
  "src/adapters/inspect/json-items.ts",
  "src/adapters/inspect/list-transport.ts",
  "src/adapters/inspect/live.ts",
  "src/adapters/inspect/testing/fake-apiserver.ts",
  "src/adapters/web/client/form.ts",
  "src/adapters/web/client/render-chart.ts",
  "src/adapters/web/client/render-compare.ts",
  "src/adapters/web/client/render-fleet.ts",
  "src/adapters/web/client/render-map.ts",
  "src/adapters/web/client/render-recommend.ts",
  "src/adapters/web/compute.ts",
  "src/adapters/web/state.ts",
  "src/engines/capacity/compare.ts",
  "src/engines/capacity/size.ts",
  "src/engines/fleet/allocate.ts",
  "src/engines/fleet/check.ts",
  "src/engines/fleet/model.ts",
  "src/engines/fleet/overlaps.ts",
  "src/engines/inspect/address-use.ts",
  "src/engines/inspect/headroom.ts",
  "src/engines/layout/layout.ts",
  "src/engines/layout/needs.ts",
  "src/engines/plan/resolve-network.ts",
  "src/engines/recommend/emit.ts",
  "src/engines/validate/rules/route-table-invalid.ts",
];
