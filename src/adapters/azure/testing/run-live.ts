/**
 * Runs the live read under the Node.js the tests start it with (22+), against
 * the test ARM server, with a test credential: argv[2] is the options as JSON
 * (`token`, `endpoint` and any `LiveScanOptions`). Prints the snapshot, the
 * request statistics and the number of records as JSON; an `AzureReadError`
 * prints `{ "error": sentence }` and exits 3.
 */
import { readAzureEstate, AzureReadError } from "../live.js";
import { staticTokenCredential } from "../clients.js";

const o = JSON.parse(process.argv[2] ?? "{}") as Record<string, unknown> & { token: string };
try {
  const r = await readAzureEstate({ ...o, credential: staticTokenCredential(o.token) });
  process.stdout.write(JSON.stringify({ snapshot: r.snapshot, stats: r.stats, records: r.records.size }));
} catch (e) {
  if (!(e instanceof AzureReadError)) throw e;
  process.stdout.write(JSON.stringify({ error: e.message }));
  process.exitCode = 3;
}
