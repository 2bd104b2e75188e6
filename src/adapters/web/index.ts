/**
 * The web planner's server side: `startServer` serves the built page on loopback.
 * The views the page draws are engines (src/engines/views), shared with the CLI.
 * @module
 */
export { startServer, webRootOf, CONTENT_SECURITY_POLICY, type RunningServer, type ServeOptions } from "./server.js";
