// ESLint flat config: typescript-eslint's type-checked recommended rules for every TypeScript file
// (src, images, scripts, tests, e2e, *.config.ts), using the TypeScript project service so each file is
// checked with the tsconfig.json that includes it. Plain JavaScript files get the untyped rules only.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";
import { layerRules } from "./eslint-layers.js";

export default defineConfig(
  {
    // Build outputs (public/ holds the built guest image), dependencies and test reports.
    // tests/fixtures/layers holds wrong-way imports on purpose (tests/unit/layers.test.ts lints them).
    ignores: ["dist/", "public/", "node_modules/", "test-results/", "playwright-report/", "bench-results/", "tests/fixtures/layers/"],
  },
  js.configs.recommended,
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `_`-prefixed names mark deliberately unused parameters and destructured values.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  // The layers of src/ (eslint-layers.js, drawn in docs/architecture.md): imports point downward only.
  ...layerRules(),
  {
    // Vitest's and Playwright's asymmetric matchers (expect.any, expect.stringMatching, ...) are typed
    // `any`, so every use inside an object literal passed to toMatchObject/toEqual would be reported.
    files: ["tests/**/*.ts", "e2e/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },
  {
    // Plain JavaScript here is either Node tooling or code handed to a browser page (e.g. by Playwright).
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
  },
);
