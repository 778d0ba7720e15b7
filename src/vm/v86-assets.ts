// Where the browser gets v86's WebAssembly module and which v86 version the page runs. Browser only:
// the `?url` import is resolved by Vite (Node code reads the same facts in images/node-asset-source.ts).
import wasmUrl from "v86/build/v86.wasm?url";
import v86Package from "v86/package.json";

/**
 * Absolute URL of v86.wasm, as emitted by the build (content-hashed) or served by the dev server. Vite
 * gives a built module's assets relative to the module itself (the page uses a relative base) and the dev
 * server's from the site's root, so resolving against this module's URL is right for both.
 */
export const V86_WASM_URL: string = new URL(wasmUrl, import.meta.url).href;

/** The running v86 build, e.g. "0.5.462+g5f9a90f"; a snapshot saved by another build is refused. */
export const V86_VERSION: string = v86Package.version;
