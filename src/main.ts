// Entry point: creates the VM session, the course progress and the saved work for this page, hands them
// to <lab-app>, and starts: with the offer to resume the learner's saved machine when the browser has
// one, else from the pristine snapshot.
import "./page.css";
import "./app/lab-app.ts";
import { V86_VERSION, V86_WASM_URL } from "./app/v86-assets.ts";
import { VmSession } from "./app/vm-session.ts";
import { reconcileProgress } from "./course/progress.ts";
import { ProgressStore } from "./course/progress-store.ts";
import { CHALLENGES, EXERCISES } from "./exercises/bundled.ts";
import { OfflineSupport } from "./offline/offline-support.ts";
import { IndexedDbMachineStore } from "./saved/machine-store.ts";
import { SavedWork } from "./saved/saved-work.ts";
import { FetchAssetSource } from "./vm/fetch-asset-source.ts";

const session = new VmSession({
  assets: new FetchAssetSource(new URL("guest/", document.baseURI)),
  wasmPath: V86_WASM_URL,
  v86Version: V86_VERSION,
});

const app = document.querySelector("lab-app") ?? document.body.appendChild(document.createElement("lab-app"));
const progress = new ProgressStore(localStorageOrUndefined());
// Content changes between visits: forget steps, exercises and challenges that no longer exist.
const course = new Map(EXERCISES.map((e) => [e.id, e.steps.map((s) => s.id)]));
const challenges = new Set(CHALLENGES.map((c) => c.id));
progress.replace(reconcileProgress(progress.progress, course, challenges));
const savedWork = new SavedWork({ session, store: new IndexedDbMachineStore(), progress, course, challenges });
app.progress = progress;
app.session = session;
app.savedWork = savedWork;
void savedWork.startup();

// Production builds keep themselves for offline use (sw.js is emitted by the build, see
// scripts/build/precache-plugin.ts); the development server must never be cached by a worker.
if (import.meta.env.PROD) {
  const offline = new OfflineSupport();
  app.offline = offline;
  void offline.start(new URL("sw.js", document.baseURI));
}

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
