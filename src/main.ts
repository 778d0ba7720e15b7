// Entry point: creates the VM session and the course progress for this page, hands them to <lab-app>
// and starts the machine from the pristine snapshot (a reload does the same: the learner's machine does
// not survive a reload yet, the course progress does).
import "./page.css";
import "./app/lab-app.ts";
import { V86_VERSION, V86_WASM_URL } from "./app/v86-assets.ts";
import { VmSession } from "./app/vm-session.ts";
import { reconcileProgress } from "./course/progress.ts";
import { ProgressStore } from "./course/progress-store.ts";
import { EXERCISES } from "./exercises/bundled.ts";
import { FetchAssetSource } from "./vm/fetch-asset-source.ts";

const session = new VmSession({
  assets: new FetchAssetSource(new URL("guest/", document.baseURI)),
  wasmPath: V86_WASM_URL,
  v86Version: V86_VERSION,
});

const app = document.querySelector("lab-app") ?? document.body.appendChild(document.createElement("lab-app"));
const progress = new ProgressStore(localStorageOrUndefined());
// Content changes between visits: forget steps and exercises that no longer exist.
progress.replace(reconcileProgress(progress.progress, new Map(EXERCISES.map((e) => [e.id, e.steps.map((s) => s.id)]))));
app.progress = progress;
app.session = session;
void session.start();

if (import.meta.hot) {
  import.meta.hot.dispose(() => {
    void session.dispose();
  });
}

/** The page's localStorage, or undefined where the browser refuses it (progress then lasts a visit). */
function localStorageOrUndefined(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
