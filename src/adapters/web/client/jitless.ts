/**
 * Imported first by main.ts, before any zod schema is built: zod compiles object parsers with
 * `new Function` unless told not to, and its probe for that permission makes the browser report a
 * Content-Security-Policy violation (the page allows no eval). `jitless` parses without it.
 */
import { config } from "zod";

config({ jitless: true });
