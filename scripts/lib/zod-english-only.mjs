/**
 * An esbuild plugin. zod re-exports all of its ~60 message locales as a namespace,
 * which keeps them in a bundle (about 300 KB) although aksnet uses none but
 * English: the locale index is replaced by one that exports only `en`. Used by
 * the CLI bundle (scripts/build-cli.mjs) and the web page (scripts/build-web.mjs).
 */
import { dirname, join } from "node:path";

export const zodEnglishOnly = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join("node_modules", "zod")}`)
        ? { path: join(dirname(args.importer), "..", "locales", "index.js"), namespace: "zod-locales" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), "en.js"))};`,
      loader: "js",
      resolveDir: dirname(args.path),
    }));
  },
};
