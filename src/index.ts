/**
 * aksnet: plan, check and inspect AKS cluster networking.
 * The library surface: the IP core, the knowledge base, the engines and the adapters.
 * @module
 */
export * from "./ip/index.js";
export * from "./kb/index.js";
export * from "./engines/index.js";
export * from "./adapters/index.js";
