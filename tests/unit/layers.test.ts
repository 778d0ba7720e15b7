// The layer rules of eslint-layers.js are proven to bite: fixtures with wrong-way imports, linted as if
// they sat in src/, are reported; the real eslint.config.js applies the rules to every folder of src/;
// every folder is in a layer; docs/architecture.md draws the same layers.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { LAYERS, layerDiagram, layerRules } from "../../eslint-layers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "tests/fixtures/layers");

/** Lints a fixture as if it were the file `asPath` (relative to the repository) with the layer rules only. */
async function lintAs(fixture: string, asPath: string): Promise<{ line: number; message: string }[]> {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, ...layerRules()],
  });
  const [result] = await eslint.lintText(readFileSync(path.join(FIXTURES, fixture), "utf8"), { filePath: path.join(ROOT, asPath) });
  expect(result?.messages.every((m) => m.ruleId === "no-restricted-imports")).toBe(true);
  return (result?.messages ?? []).map((m) => ({ line: m.line, message: m.message }));
}

describe("the layer rules", () => {
  it("report an import from a higher layer and a DOM package in a layer without the DOM", async () => {
    const reports = await lintAs("wrong-way.ts", "src/vm/wrong-way.ts");
    expect(reports).toEqual([
      { line: 3, message: expect.stringContaining("vm (src/vm) is below session (src/session)") },
      { line: 4, message: expect.stringContaining("vm (src/vm) is below app (src/app)") },
      { line: 5, message: expect.stringContaining("runs without a DOM") },
    ]);
  });

  it("report a feature importing another feature's element, and v86 outside src/vm, but not its services", async () => {
    const reports = await lintAs("cross-feature.ts", "src/saved/cross-feature.ts");
    expect(reports).toEqual([
      { line: 3, message: expect.stringContaining("never imports another feature's element (src/course/lab-*.ts)") },
      { line: 5, message: expect.stringContaining("Only src/vm imports v86") },
    ]);
  });

  it("accept imports that point downward", async () => {
    expect(await lintAs("downward.ts", "src/session/downward.ts")).toEqual([]);
  });

  it("are part of the project's lint configuration for every folder of src/", async () => {
    const eslint = new ESLint({ cwd: ROOT });
    for (const layer of LAYERS) {
      for (const folder of layer.folders) {
        const file = readdirSync(path.join(ROOT, "src", folder)).find((name) => name.endsWith(".ts"));
        expect(file, `src/${folder} has a .ts file`).toBeDefined();
        const config = (await eslint.calculateConfigForFile(path.join(ROOT, "src", folder, file!))) as { rules: Record<string, unknown> };
        expect(config.rules["no-restricted-imports"], `src/${folder}/${file}`).toBeDefined();
      }
    }
  });

  it("place every folder of src/ that holds code in one layer", () => {
    const placed = LAYERS.flatMap((layer) => layer.folders);
    const folders = readdirSync(path.join(ROOT, "src"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .filter((entry) => readdirSync(path.join(ROOT, "src", entry.name)).some((name) => name.endsWith(".ts")))
      .map((entry) => entry.name);
    expect([...folders].sort()).toEqual([...placed].sort());
    expect(new Set(placed).size).toBe(placed.length);
  });
});

describe("docs/architecture.md", () => {
  it("draws the layers the lint rules enforce", () => {
    const doc = readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");
    const drawn = /```text\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(drawn, "docs/architecture.md has a ```text block with the layer diagram").toBeDefined();
    expect(drawn).toBe(layerDiagram());
  });
});
