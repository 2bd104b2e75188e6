/**
 * The CLI: `run(argv, io)` is the whole `aksnet` command line in one call, for
 * embedding and for tests (`memoryIo` collects what it writes).
 * @module
 */
export { run } from "./main.js";
export { memoryIo, processIo, type Io } from "./io.js";
