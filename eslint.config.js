// Lint: recommended JS rules and typescript-eslint's strict set; the layer boundaries are checked by
// test/architecture.test.ts. The type-checked sets (strict-type-checked) are left out: they need the type checker
// and take minutes here (~4 min on 2 cores), and `npm run typecheck` already runs it.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "dist-check/**",
      "node_modules/**",
      "web-dist/**",
      "test-output/**",
      "coverage/**",
      ".bench-data/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        performance: "readonly",
        TextEncoder: "readonly",
        TextDecoder: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-constant-condition": ["error", { checkLoops: false }],
      // Indexed reads are `T | undefined` (noUncheckedIndexedAccess); `!` marks the ones a bound check proves.
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
);
