// The learner's saved machine for real: a running guest is saved (v86 state packed into the file
// format the page stores and exports), thrown away, and resumed from those bytes in a new emulator,
// with its files, its shell and a working agent.
import { afterEach, describe, expect, it } from "vitest";
import { V86_VERSION } from "../../images/node-asset-source.ts";
import { decodeMachine, encodeMachine } from "../../src/saved/machine-envelope.ts";
import { runningOrigin, type VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { createVm, loadManifest, shOk, startVm } from "./helpers.ts";

describe("saving and resuming the learner's machine", () => {
  const vms: VirtualMachine[] = [];
  afterEach(async () => {
    await Promise.all(vms.splice(0).map((vm) => vm.dispose()));
  });

  it("resumes a saved machine with its files, processes and a working agent", async () => {
    const manifest = await loadManifest();
    const first = await startVm();
    vms.push(first);
    await shOk(first, "echo kept-$((6*7)) > /root/saved-file; (sleep 100000 &) ; true");
    const firstBoot = await shOk(first, "cat /proc/sys/kernel/random/boot_id");

    const saveStarted = performance.now();
    const state = await first.saveState();
    const saveMs = performance.now() - saveStarted;
    const encodeStarted = performance.now();
    const bytes = await encodeMachine({
      state,
      origin: runningOrigin(manifest, V86_VERSION),
      savedAt: new Date(),
      console: "root@lab:~# ",
    });
    const encodeMs = performance.now() - encodeStarted;
    console.log(
      `save_state ${saveMs.toFixed(0)} ms, ${(state.byteLength / 1e6).toFixed(1)} MB raw; ` +
        `packed ${(bytes.length / 1e6).toFixed(1)} MB in ${encodeMs.toFixed(0)} ms`,
    );
    await first.dispose();

    const saved = await decodeMachine(bytes);
    const resumed = await startVm({ resume: { state: saved.state, console: saved.header.console } });
    vms.push(resumed);
    expect(resumed.state).toMatchObject({ phase: "ready", mode: "restore" });
    expect(await shOk(resumed, "cat /root/saved-file")).toBe("kept-42");
    expect(await shOk(resumed, "pidof sleep >/dev/null && echo running")).toBe("running");
    // The same boot continues (it is the same machine), with today's clock.
    expect(await shOk(resumed, "cat /proc/sys/kernel/random/boot_id")).toBe(firstBoot);
    const guestNow = Number(await shOk(resumed, "date +%s"));
    expect(Math.abs(guestNow - Date.now() / 1000)).toBeLessThan(60);
  });

  it("replays the saved console text into the terminal", async () => {
    const vm = await createVm();
    vms.push(vm);
    await vm.start();
    const state = await vm.saveState();
    await vm.dispose();
    const resumed = await createVm({ resume: { state, console: "saved-screen-text\r\n" } });
    vms.push(resumed);
    const chunks: Uint8Array[] = [];
    resumed.events.on("console", (chunk) => chunks.push(chunk));
    await resumed.start();
    expect(new TextDecoder().decode(chunks[0])).toBe("saved-screen-text\r\n");
  });
});
