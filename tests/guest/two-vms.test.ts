// A VM against a container, in one Node process as in one browser tab: the learner's VM 1 (restored
// from the snapshot) and a second VM (cold boot) wired card to card by the page, containers in VM 1,
// and the figures the comparison view shows, measured for real.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeAssetSource, V86_VERSION, V86_WASM_PATH } from "../../images/node-asset-source.ts";
import { VmSession } from "../../src/session/vm-session.ts";
import { ComparisonLab } from "../../src/compare/comparison-lab.ts";
import { VM1_ADDRESS, VM2_ADDRESS } from "../../src/compare/guest-scripts.ts";
import { nativeHash } from "../../src/compare/native-hash.ts";
import { shOk } from "./helpers.ts";

const makeSession = (): VmSession =>
  new VmSession({
    assets: new NodeAssetSource(),
    wasmPath: V86_WASM_PATH,
    v86Version: V86_VERSION,
    // The watchdog would compete with the measurements on the one thread both VMs share.
    liveness: { isPaused: () => true },
  });

let vm1: VmSession;
let lab: ComparisonLab;

beforeAll(async () => {
  vm1 = makeSession();
  await vm1.start();
  lab = new ComparisonLab({
    vm1,
    createSession: makeSession,
    loadManifest: () => new NodeAssetSource().loadManifest(),
    nativeHash,
    memoryFacts: () => ({}),
  });
});

afterAll(async () => {
  await lab.dispose();
  await vm1.dispose();
});

function vm(session: VmSession) {
  const machine = session.vm;
  if (!machine) throw new Error("no machine");
  return machine;
}

describe("two VMs in one process", () => {
  it("boots the second VM from scratch with its own kernel boot and wires the two cards", async () => {
    await lab.bootSecondVm();
    expect(lab.state.error).toBeUndefined();
    expect(lab.state.vm2?.phase).toBe("ready");
    expect(lab.state.linked).toBe(true);
    expect(lab.state.vm2BootMs).toBeGreaterThan(500);
    // Its console shows a real kernel boot log (cold boot, verbose).
    const log = new TextDecoder().decode(Buffer.concat(lab.secondSession!.consoleBacklog()));
    expect(log).toMatch(/Linux version 6\.1/);
  });

  it("lets VM 1 ping VM 2 over the emulated network cards, with no server", async () => {
    await shOk(vm(vm1), `ip addr add ${VM1_ADDRESS}/24 dev eth0 && ip link set eth0 up`);
    await lab.pingVms();
    expect(lab.state.error).toBeUndefined();
    const ping = lab.state.vmPing!;
    expect(ping.received).toBe(3);
    expect(ping.rttsMs).toHaveLength(3);
    // The neighbour VM 1 learned is VM 2's card, not its own.
    const ownMac = await shOk(vm(vm1), "cat /sys/class/net/eth0/address");
    const vm2Mac = await shOk(vm(lab.secondSession!), "cat /sys/class/net/eth0/address");
    expect(ping.neighbour).toBe(vm2Mac);
    expect(vm2Mac).not.toBe(ownMac);
    // The page saw the frames: ARP, then ICMP echo requests and replies.
    const texts = lab.state.frames.map((f) => f.summary.text);
    expect(texts.some((t) => t.startsWith("ICMP echo request") && t.includes(`→ ${VM2_ADDRESS}`))).toBe(true);
    expect(texts.some((t) => t.startsWith("ICMP echo reply"))).toBe(true);
  });

  it("runs two containers on VM 1's one kernel, apart from VM 2's kernel", async () => {
    await lab.startContainer();
    await lab.startContainer();
    expect(lab.state.error).toBeUndefined();
    const { containerStarts, containers, vm1Identity, vm2Identity } = lab.state;
    expect(containerStarts.map((c) => c.name)).toEqual(["c1", "c2"]);
    for (const start of containerStarts) {
      expect(start.startMs).toBeGreaterThan(0);
      expect(start.imageBytes).toBeGreaterThan(100_000);
    }
    expect(containers).toHaveLength(2);
    for (const c of containers) {
      // A container reports VM 1's kernel and boot, sees only itself, and VM 1 sees its process.
      expect(c.bootId).toBe(vm1Identity!.bootId);
      expect(c.kernel).toBe(vm1Identity!.kernel);
      expect(c.visibleToVm).toBe(true);
      // Its own PID namespace: its sleep plus the few processes the probe itself starts in it.
      expect(c.procs).toBeLessThan(10);
      expect(c.procs).toBeLessThan(vm1Identity!.procs);
      expect(c.memoryCurrent).toBeGreaterThan(0);
      expect(c.hostname).toBe(c.name);
    }
    // crun, the guest's one runtime, started them: it reports each running with the PID the view found.
    for (const c of containers) {
      const state = await shOk(vm(vm1), `crun state lab-compare-${c.name}`);
      expect(JSON.parse(state)).toMatchObject({ status: "running", pid: c.pid });
    }
    // VM 2 is another boot of (the same build of) the kernel, and its processes are invisible to VM 1.
    expect(vm2Identity!.bootId).not.toBe(vm1Identity!.bootId);
    expect(lab.state.markerSeenByVm1).toBe(0);
    expect(lab.state.markerSeenByVm2).toBe(1);
    // VM 1 was restored from the build-time snapshot: the same boot id as every restored copy.
    expect(lab.state.vm1IsClone).toBe(true);
  });

  it("pings between the two containers over veth and the bridge inside one kernel", async () => {
    await lab.pingContainers();
    expect(lab.state.error).toBeUndefined();
    expect(lab.state.containerPing!.received).toBe(3);
  });

  it("measures the same workload natively, in the VM and in a container (same digest)", async () => {
    await lab.measureOverhead();
    expect(lab.state.error).toBeUndefined();
    const o = lab.state.overhead!;
    expect(o.digestsMatch).toBe(true);
    expect(o.vmMs).toBeGreaterThan(o.nativeMs);
    // How close the container's time is to VM 1's own is a measurement, not a property: the view shows
    // it and computes its caption from it; with other guests sharing the cores, either run can be slowed.
    expect(o.containerMs).toBeGreaterThan(0);
  });

  it("contains a memory hog in its cgroup while the other container lives on", async () => {
    await lab.runMemoryHog();
    expect(lab.state.error).toBeUndefined();
    expect(lab.state.oom!.oomKills).toBeGreaterThan(0);
    expect(lab.state.oom!.othersAlive).toEqual(["c2"]);
  });

  it("keeps VM 1 answering, same boot, after VM 2's kernel panics", async () => {
    await lab.panicSecondVm();
    expect(lab.state.error).toBeUndefined();
    expect(lab.state.vm2?.phase).toBe("error");
    expect(lab.state.panic!.vm1BootIdUnchanged).toBe(true);
    expect(await shOk(vm(vm1), "echo alive")).toBe("alive");
  });

  it("removes its containers and closes VM 2, leaving VM 1 as it was", async () => {
    await lab.removeContainers();
    await lab.closeSecondVm();
    expect(lab.state.error).toBeUndefined();
    expect(lab.secondSession).toBeUndefined();
    expect(lab.state.linked).toBe(false);
    expect(await shOk(vm(vm1), "ls /run/lab-compare/containers 2>/dev/null | wc -l; ip link show labcmp0 2>/dev/null | wc -l; ls -d /sys/fs/cgroup/lab-compare 2>/dev/null | wc -l; crun list -q | grep -c lab-compare || true")).toBe("0\n0\n0\n0");
  });
});
