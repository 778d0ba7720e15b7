import { describe, expect, it } from "vitest";
import { moduleName, packageOf } from "../../scripts/build/bundle-contents-plugin.ts";
import { summarizeBundle } from "../../scripts/bundle-report.ts";

describe("the bundle report", () => {
  it("names modules relative to the repository and finds their package", () => {
    expect(moduleName("/repo/node_modules/@lit/context/index.js", "/repo")).toBe("node_modules/@lit/context/index.js");
    expect(moduleName("/repo/src/main.ts?used", "/repo")).toBe("src/main.ts");
    expect(moduleName("\0virtual:isolation-lab/course", "/repo")).toBe("virtual:isolation-lab/course");
    expect(packageOf("node_modules/@lit/context/index.js")).toBe("@lit/context");
    expect(packageOf("node_modules/.pnpm/x/node_modules/yaml/dist/index.js")).toBe("yaml");
    expect(packageOf("src/shared/bytes.ts")).toBeUndefined();
  });

  it("sums packages per chunk and reports build-only packages found in the page", () => {
    const report = summarizeBundle([
      {
        file: "assets/index.js",
        bytes: 100,
        modules: [
          { id: "node_modules/lit-html/lit-html.js", bytes: 30 },
          { id: "node_modules/lit-html/directive.js", bytes: 5 },
          { id: "src/main.ts", bytes: 10 },
          { id: "node_modules/zod/v4/core.js", bytes: 50 },
        ],
      },
    ]);
    expect(report.chunks[0]).toEqual({
      file: "assets/index.js",
      bytes: 100,
      packages: { zod: 50, "lit-html": 35 },
      ownModules: [{ id: "src/main.ts", bytes: 10 }],
    });
    expect(report.buildOnlyModules).toEqual(["node_modules/zod/v4/core.js"]);
  });

  it("counts the markdown parser (micromark, mdast utilities) as build-only, not the page's renderer", () => {
    const report = summarizeBundle([
      {
        file: "assets/course.js",
        bytes: 30,
        modules: [
          { id: "node_modules/micromark/lib/parse.js", bytes: 10 },
          { id: "node_modules/micromark-extension-gfm-table/lib/syntax.js", bytes: 5 },
          { id: "node_modules/mdast-util-from-markdown/lib/index.js", bytes: 10 },
          { id: "src/course/markdown.ts", bytes: 5 },
        ],
      },
    ]);
    expect(report.buildOnlyModules).toEqual([
      "node_modules/micromark/lib/parse.js",
      "node_modules/micromark-extension-gfm-table/lib/syntax.js",
      "node_modules/mdast-util-from-markdown/lib/index.js",
    ]);
  });
});
