// Entry point: creates the VM session for this page, hands it to <lab-app> and starts the machine from
// the pristine snapshot (a reload does the same: the learner's machine does not survive a reload yet).
import "./page.css";
import "./app/lab-app.ts";
import { V86_VERSION, V86_WASM_URL } from "./app/v86-assets.ts";
import { VmSession } from "./app/vm-session.ts";
import { FetchAssetSource } from "./vm/fetch-asset-source.ts";

const session = new VmSession({
  assets: new FetchAssetSource(new URL("guest/", document.baseURI)),
  wasmPath: V86_WASM_URL,
  v86Version: V86_VERSION,
});

const app = document.querySelector("lab-app") ?? document.body.appendChild(document.createElement("lab-app"));
app.session = session;
void session.start();

if (import.meta.hot) {
  import.meta.hot.dispose(() => {
    void session.dispose();
  });
}
