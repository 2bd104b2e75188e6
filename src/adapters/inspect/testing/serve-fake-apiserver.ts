/**
 * The fake API server as a process of its own (for the benchmark, so the
 * server does not share the measured client's event loop):
 *   node --import tsx src/adapters/inspect/testing/serve-fake-apiserver.ts LIST.json…
 * prints one JSON line `{"url":…,"kubeconfig":…}` once it listens, and stops
 * when its standard input closes.
 */
import { startFakeApiServer } from "./fake-apiserver.js";

const server = await startFakeApiServer({ lists: process.argv.slice(2) });
process.stdout.write(JSON.stringify({ url: server.url, kubeconfig: server.kubeconfig() }) + "\n");
process.stdin.resume();
process.stdin.on("end", () => void server.close().then(() => process.exit(0)));
