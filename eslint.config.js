// ESLint flat config: typescript-eslint's type-checked recommended rules for every TypeScript file
// (src, images, scripts, tests, e2e, *.config.ts), using the TypeScript project service so each file is
// checked with the tsconfig.json that includes it. Plain JavaScript files get the untyped rules only.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    // Build outputs (public/ holds the built guest image), dependencies and test reports.
    ignores: ["dist/", "public/", "node_modules/", "test-results/", "playwright-report/", "bench-results/"],
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
