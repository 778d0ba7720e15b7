// What the comparison needs from the browser: a second VM session on the same guest files and v86 build
// as the learner's (see main.ts), the manifest, Web Crypto for the native workload, the memory facts.
import { V86_VERSION, V86_WASM_URL } from "../vm/v86-assets.ts";
import { VmSession } from "../session/vm-session.ts";
import { FetchAssetSource } from "../session/fetch-asset-source.ts";
import { createWorkerMachine } from "../vm/worker-emulator.ts";
import type { ComparisonLabOptions } from "./comparison-lab.ts";
import { browserMemoryFacts } from "./memory-guard.ts";
import { nativeHash } from "./native-hash.ts";

export function browserComparisonOptions(vm1: VmSession): ComparisonLabOptions {
  const assets = new FetchAssetSource(new URL("guest/", document.baseURI));
  return {
    vm1,
    createSession: () => new VmSession({ assets, wasmPath: V86_WASM_URL, v86Version: V86_VERSION, createMachine: createWorkerMachine }),
    loadManifest: () => assets.loadManifest(),
    nativeHash,
    memoryFacts: browserMemoryFacts,
  };
}
