// The layers of src/, lowest first, and the lint rules that keep imports pointing down. One table feeds
// three things: eslint.config.js (the rules), docs/architecture.md (its diagram is checked against
// layerDiagram() by tests/unit/layers.test.ts) and that test's proof that a wrong-way import fails lint.
//
// A file may import its own folder, any folder of a lower layer, and npm packages its layer allows.
// Folders in one layer are peers: the features may share each other's services and types, never each
// other's elements (lab-*.ts: a custom element is registered by the page, src/app, which composes them).

/**
 * @typedef {object} Layer
 * @property {string} name
 * @property {readonly string[]} folders folders of src/
 * @property {string} job what the layer is for, one line (shown in the diagram)
 * @property {boolean} dom whether its code may use the DOM and Lit (tsconfig.nodom.json checks `false`)
 */

/** @type {readonly Layer[]} */
export const LAYERS = [
  { name: "shared", folders: ["shared"], dom: false, job: "typed events, bytes, shell quoting, the error base, JSON decoders, the lab's guest cgroups" },
  { name: "vm", folders: ["vm"], dom: false, job: "v86, the guest agent, manifests (the only v86 importer)" },
  { name: "exercises", folders: ["exercises"], dom: false, job: "the course model, its loader and checks" },
  { name: "i18n", folders: ["i18n"], dom: true, job: "the page's messages and the locale context" },
  { name: "ui", folders: ["ui"], dom: true, job: "shared UI primitives: banner, styles, controllers" },
  { name: "session", folders: ["session"], dom: true, job: "the running machine as features see it" },
  {
    name: "features",
    folders: ["terminal", "course", "compare", "saved", "files", "offline", "classroom"],
    dom: true,
    job: "what the learner uses; peers, never each other's elements",
  },
  { name: "app", folders: ["app"], dom: true, job: "composes the page: elements, contexts, events" },
];

/** Packages only one layer may import, and packages that code without the DOM must not import. */
// Patterns are regular expressions over the import specifier (files import each other as "../folder/file.ts").
const ONLY_IN_VM = "^v86(/|$)";
const DOM_PACKAGES = "^(lit|@lit/.*|@xterm/.*)(/|$)";
// The course's YAML and schemas are read at build time (src/exercises' loader, run by the Vite plugin);
// the page ships neither, and reads stored data with src/shared/decode.ts.
const BUILD_TIME_PACKAGES = "^(zod|yaml)(/|$)";

/**
 * `no-restricted-imports` at error level with these patterns.
 * @param {{ regex: string; message: string }[]} patterns
 * @returns {import("eslint").Linter.RuleEntry}
 */
function restrictImports(patterns) {
  return ["error", { patterns }];
}

/**
 * The layer a folder of src/ belongs to, or undefined.
 * @param {string} folder
 */
export function layerOf(folder) {
  return LAYERS.find((layer) => layer.folders.includes(folder));
}

/**
 * `no-restricted-imports` patterns for files in `folder`: every folder of a higher layer, other
 * features' elements, v86 outside src/vm and DOM packages where the layer has no DOM.
 * @param {string} folder
 */
export function restrictedPatterns(folder) {
  const layer = layerOf(folder);
  if (!layer) throw new Error(`src/${folder} is in no layer of eslint-layers.js`);
  const index = LAYERS.indexOf(layer);
  /** @type {{ regex: string; message: string }[]} */
  const patterns = [];
  const higher = LAYERS.slice(index + 1).flatMap((upper) => upper.folders.map((f) => ({ f, upper })));
  for (const { f, upper } of higher) {
    patterns.push({
      regex: `^\\.\\./${f}(/|$)`,
      message: `Layers import downward only: ${layer.name} (src/${folder}) is below ${upper.name} (src/${f}). See docs/architecture.md.`,
    });
  }
  for (const peer of layer.folders.filter((f) => f !== folder)) {
    patterns.push({
      regex: `^\\.\\./${peer}/lab-`,
      message: `A feature never imports another feature's element (src/${peer}/lab-*.ts): src/app composes elements. See docs/architecture.md.`,
    });
  }
  if (layer.name !== "vm") {
    patterns.push({ regex: ONLY_IN_VM, message: "Only src/vm imports v86. See docs/architecture.md." });
  }
  if (layer.name !== "exercises") {
    patterns.push({
      regex: BUILD_TIME_PACKAGES,
      message: "The page ships no schema validator or YAML parser: decode stored data with src/shared/decode.ts. See docs/architecture.md.",
    });
  }
  if (!layer.dom) {
    patterns.push({
      regex: DOM_PACKAGES,
      message: `src/${folder} runs without a DOM (in Node too): no Lit or xterm.js here. See docs/architecture.md.`,
    });
  }
  return patterns;
}

/**
 * Flat-config objects: one per folder of src/, plus v86 forbidden at src/ root (main.ts).
 * @returns {import("eslint").Linter.Config[]}
 */
export function layerRules() {
  return [
    ...LAYERS.flatMap((layer) =>
      layer.folders.map((folder) => ({
        name: `isolation-lab/layers/${folder}`,
        files: [`src/${folder}/**/*.ts`],
        rules: { "no-restricted-imports": restrictImports(restrictedPatterns(folder)) },
      })),
    ),
    {
      name: "isolation-lab/layers/root",
      files: ["src/*.ts"],
      rules: {
        "no-restricted-imports": restrictImports([{ regex: ONLY_IN_VM, message: "Only src/vm imports v86. See docs/architecture.md." }]),
      },
    },
  ];
}

/** The diagram in docs/architecture.md: highest layer first, as the imports flow down. */
export function layerDiagram() {
  return [...LAYERS]
    .reverse()
    .map((layer) => {
      const folders = layer.folders.map((f) => `src/${f}/`).join("  ");
      return `${layer.name}: ${layer.job}${layer.dom ? "" : " (no DOM)"}\n    ${folders}`;
    })
    .join("\n        ↓\n");
}
