/**
 * The engines: pure functions over the IP core and the knowledge base
 * (plan, capacity, validate, recommend, migrate).
 * @module
 */
export * from "./plan/index.js";
export * from "./capacity/index.js";
export * from "./validate/index.js";
