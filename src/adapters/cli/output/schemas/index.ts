/** Every command output's schema, by kind: the sources of schema/output/ (npm run generate). */
import { CheckReport } from "./check-report.js";
import { CidrExcludeReport } from "./cidr-exclude-report.js";
import { CidrFreeReport } from "./cidr-free-report.js";
import { CidrInfoReport } from "./cidr-info-report.js";
import { CidrMergeReport } from "./cidr-merge-report.js";
import { CidrOverlapsReport } from "./cidr-overlaps-report.js";
import { CidrSplitReport } from "./cidr-split-report.js";
import { CompareReport } from "./compare-report.js";
import { FleetAllocateReport } from "./fleet-allocate-report.js";
import { FleetCheckReport } from "./fleet-check-report.js";
import { GenerateFleetReport } from "./generate-fleet-report.js";
import { GenerateReport } from "./generate-report.js";
import { InspectReport } from "./inspect-report.js";
import { LayoutReport } from "./layout-report.js";
import { MigrateReport } from "./migrate-report.js";
import { RecommendReport } from "./recommend-report.js";
import { ScanReport } from "./scan-report.js";
import { SizeReport } from "./size-report.js";
import type { OutputSchema } from "./define.js";

export { outputJsonSchema, outputJsonSchemaText, type OutputSchema } from "./define.js";

export const OUTPUT_SCHEMAS: readonly OutputSchema[] = [
  CheckReport,
  CidrExcludeReport,
  CidrFreeReport,
  CidrInfoReport,
  CidrMergeReport,
  CidrOverlapsReport,
  CidrSplitReport,
  CompareReport,
  FleetAllocateReport,
  FleetCheckReport,
  GenerateFleetReport,
  GenerateReport,
  InspectReport,
  LayoutReport,
  MigrateReport,
  RecommendReport,
  ScanReport,
  SizeReport,
];
