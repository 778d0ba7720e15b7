// Entry point: creates the VM session, the course progress and the saved work for this page, hands them
// to <lab-app>, and starts: with the offer to resume the learner's saved machine when the browser has
// one, else from the pristine snapshot.
import "./page.css";
import "./app/lab-app.ts";
import { V86_VERSION, V86_WASM_URL } from "./vm/v86-assets.ts";
import { VmSession } from "./session/vm-session.ts";
import { ProgressStore } from "./course/progress-store.ts";
import { CHALLENGES, EXERCISES, PACK_INDEX } from "virtual:isolation-lab/course";
import { ClassClient } from "./classroom/class-client.ts";
import { reportProgress } from "./classroom/progress-reporter.ts";
import { OfflineSupport } from "./offline/offline-support.ts";
import { IndexedDbMachineStore } from "./saved/machine-store.ts";
import { SavedWork } from "./saved/saved-work.ts";
import { workerMachinePacking } from "./saved/worker-machine-packing.ts";
import { AccessibilitySettings } from "./ui/accessibility-settings.ts";
import { FetchAssetSource } from "./session/fetch-asset-source.ts";
import { createWorkerMachines } from "./vm/worker-emulator.ts";

const session = new VmSession({
  assets: new FetchAssetSource(new URL("guest/", document.baseURI)),
  wasmPath: V86_WASM_URL,
  v86Version: V86_VERSION,
  // Each machine's emulator runs in its own worker: the page stays responsive while the guest computes.
  // The first one starts now, beside the saved-work lookup and the manifest.
  createMachine: createWorkerMachines(V86_WASM_URL),
});

const app = document.querySelector("lab-app") ?? document.body.appendChild(document.createElement("lab-app"));
// Loading writes nothing: progress in exercises this build lacks (a content pack left out) is kept for
// a build that has them; the course shows what it knows. Other tabs' progress is merged as it is stored.
const progress = new ProgressStore(localStorageOrUndefined());
progress.watch(window);
const course = new Map(EXERCISES.map((e) => [e.id, e.steps.map((s) => s.id)]));
const challenges = new Set(CHALLENGES.map((c) => c.id));
// The live class: offered only when the server that served the page runs one (`npm run serve -- --class`);
// static hosting answers 404 and nothing changes. Progress events go out only after the learner joins.
const classClient = new ClassClient(new URL(document.baseURI), localStorageOrUndefined());
// Exported files carry the name and id the learner joined the class with, for the grader.
// Saved machines are packed (compressed, hashed) in a worker of their own, off the page's thread.
const savedWork = new SavedWork({
  session,
  store: new IndexedDbMachineStore(),
  packing: workerMachinePacking(),
  progress,
  course,
  challenges,
  learner: () => classClient.learner,
});
app.course = EXERCISES;
app.packIndex = PACK_INDEX;
app.challenges = CHALLENGES;
app.progress = progress;
app.session = session;
app.savedWork = savedWork;
app.accessibility = new AccessibilitySettings(localStorageOrUndefined());
void savedWork.startup();

app.classClient = classClient;
reportProgress(classClient, progress, course, app);
void classClient.detect();
window.addEventListener("online", () => void classClient.flush());

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
