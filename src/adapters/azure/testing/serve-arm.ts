/**
 * The test ARM server in its own process, for the benchmark: serves a synthetic
 * estate (argv[2]: its shape as JSON, see `EstateShape`) and prints one JSON line
 * `{ url, caFile, token }`; stops when its standard input ends.
 */
import { startArmServer } from "./arm-server.js";
import { syntheticEstate, type EstateShape } from "./estate-gen.js";

const shape = JSON.parse(process.argv[2] ?? "{}") as EstateShape;
const server = await startArmServer(syntheticEstate(shape));
process.stdout.write(`${JSON.stringify({ url: server.url, caFile: server.caFile, token: server.token })}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  void server.close().then(() => process.exit(0));
});
