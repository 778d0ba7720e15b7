// Booting the real guest image: from scratch and from the build-time snapshot.
import { afterEach, describe, expect, it } from "vitest";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import type { VmNotice, VmPhase } from "../../src/vm/vm-state.ts";
import { createVm, loadManifest, shOk, waitUntil } from "./helpers.ts";

let vm: VirtualMachine | undefined;

afterEach(async () => {
  await vm?.dispose();
  vm = undefined;
});

describe("cold boot", () => {
  it("boots the kernel and init, and the agent answers with the lab kernel's release", async () => {
    vm = await createVm({ mode: "cold" });
    const phases: VmPhase[] = [];
    const notices: VmNotice[] = [];
    vm.events.on("state", (state) => phases.push(state.phase));
    vm.events.on("notice", (notice) => notices.push(notice));
    await vm.start();

    expect(vm.state).toMatchObject({ phase: "ready", mode: "cold" });
    // loading (with progress) -> booting -> ready, nothing else.
    expect(phases.at(-2)).toBe("booting");
    expect(phases.at(-1)).toBe("ready");
    expect(new Set(phases.slice(0, -2))).toEqual(new Set(["loading"]));
    expect(notices).toEqual([]);

    const release = await shOk(vm, "uname -r");
    expect(release).toContain("isolation-lab");
    // The READY frame's boot id is the guest's.
    expect(vm.state.phase === "ready" && vm.state.bootId).toBe(await shOk(vm, "cat /proc/sys/kernel/random/boot_id"));

    // The learner's root shell comes up on the console.
    await waitUntil(() => /root@lab.*# /.test(vm!.consoleTranscript()), 30_000, "the learner's prompt on the console");
  });
});

describe("restore from the snapshot", () => {
  it("resumes the saved machine quickly, without falling back to a cold boot, and the agent answers", async () => {
    const manifest = await loadManifest();
    vm = await createVm();
    const notices: VmNotice[] = [];
    let replayed = "";
    vm.events.on("notice", (notice) => notices.push(notice));
    vm.events.on("console", (bytes) => (replayed += new TextDecoder().decode(bytes)));
    const started = performance.now();
    await vm.start();
    const elapsed = performance.now() - started;

    expect(notices).toEqual([]); // a refused snapshot would announce the fallback here
    expect(vm.state).toMatchObject({ phase: "ready", mode: "restore" });
    // ~0.3 s on a desktop; far below a cold boot (seconds) even on a slow CI machine.
    expect(elapsed).toBeLessThan(5_000);
    expect(vm.state.phase === "ready" && vm.state.bootMs).toBeLessThan(5_000);

    await expect(vm.agent.ping({ timeoutMs: 5000 })).resolves.toBeTypeOf("number");
    expect(await shOk(vm, "uname -r")).toContain("isolation-lab");
    // It is the snapshot's boot, resumed: same boot id as when the state was saved, which the agent
    // reported when the machine resumed.
    expect(await shOk(vm, "cat /proc/sys/kernel/random/boot_id")).toBe(manifest.snapshot.bootId);
    expect(vm.state.phase === "ready" && vm.state.bootId).toBe(manifest.snapshot.bootId);
    // The terminal gets what the console showed when the state was saved.
    expect(replayed.startsWith(manifest.snapshot.console)).toBe(true);
  });

  it("has the kernel's random number generator ready, so the first /dev/urandom read does not stall", async () => {
    vm = await createVm();
    await vm.start();
    // Without it the first read after a restore waited ~5 s for jitter entropy (no RDRAND in v86).
    const out = await shOk(
      vm,
      `dmesg | grep -c 'crng init done'
       a=$(cut -d' ' -f1 /proc/uptime); head -c 64 /dev/urandom | wc -c; b=$(cut -d' ' -f1 /proc/uptime)
       awk -v a="$a" -v b="$b" 'BEGIN { print (b - a < 2) ? "fast" : "slow: " b - a " s" }'`,
    );
    expect(out).toBe("1\n64\nfast");
  });

  it("sets the guest clock to the host's time (the snapshot's clock is stale)", async () => {
    vm = await createVm();
    await vm.start();
    const guestSeconds = Number(await shOk(vm, "date +%s"));
    expect(Math.abs(guestSeconds - Date.now() / 1000)).toBeLessThan(60);
  });
});
