/**
 * Runs `azureSideOf` (the function `inspect --azure` calls) under Node.js 22
 * against the test ARM server: argv[2] is `{ endpoint, token, resourceId }`;
 * prints the result as JSON.
 */
import { memoryIo } from "../../cli/io.js";
import { azureSideOf, targetById } from "../../cli/scan/azure-side.js";

const o = JSON.parse(process.argv[2] ?? "{}") as { endpoint: string; token: string; resourceId: string };
const io = memoryIo({ env: { AKSNET_AZURE_ACCESS_TOKEN: o.token } });
const { side } = await azureSideOf(targetById(o.resourceId), io, { endpoint: o.endpoint });
process.stdout.write(JSON.stringify(side));
