// The comparison facade without a guest: one action at a time, each failure recorded under its action,
// a refused second VM that boots nothing, the VMs' sizes read from the manifest, and nothing done after
// the view closed it. VM 1 is a real session that was never started.
import { describe, expect, it } from "vitest";
import { ComparisonLab, type ComparisonLabOptions, type ComparisonState } from "../../src/compare/comparison-lab.ts";
import { VmSession } from "../../src/session/vm-session.ts";
import { SAMPLE_MANIFEST } from "./manifest-fixture.ts";

const idleSession = (): VmSession =>
  new VmSession({
    assets: { loadManifest: () => Promise.resolve(SAMPLE_MANIFEST), load: () => Promise.reject(new Error("nothing to load")) },
    wasmPath: "v86.wasm",
    v86Version: SAMPLE_MANIFEST.v86Version,
  });

function lab(overrides: Partial<ComparisonLabOptions> = {}): { lab: ComparisonLab; sessionsCreated: () => number; changes: ComparisonState[] } {
  let created = 0;
  const comparison = new ComparisonLab({
    vm1: idleSession(),
    createSession: () => {
      created++;
      return idleSession();
    },
    loadManifest: () => Promise.resolve(SAMPLE_MANIFEST),
    nativeHash: () => Promise.reject(new Error("no hashing here")),
    memoryFacts: () => ({}),
    ...overrides,
  });
  const changes: ComparisonState[] = [];
  comparison.events.on("change", (state) => changes.push(state));
  return { lab: comparison, sessionsCreated: () => created, changes };
}

/** A promise the test settles. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("ComparisonLab", () => {
  it("records an action's failure under its name, and is no longer busy", async () => {
    const { lab: comparison } = lab();
    await comparison.startContainer();
    expect(comparison.state.busy).toBeUndefined();
    expect(comparison.state.error).toEqual({ action: "start-container", message: "VM 1 is not running" });
    await comparison.pingContainers();
    expect(comparison.state.error).toEqual({ action: "ping-containers", message: "VM 1 is not running" });
  });

  it("runs one action at a time: another asked for meanwhile is ignored", async () => {
    const manifest = deferred<unknown>();
    const { lab: comparison } = lab({ loadManifest: () => manifest.promise });
    const booting = comparison.bootSecondVm();
    expect(comparison.state.busy).toBe("boot-vm2");
    await comparison.measure();
    expect(comparison.state.busy).toBe("boot-vm2");
    expect(comparison.state.error).toBeUndefined();
    manifest.reject(new Error("guest/manifest.json: HTTP 404"));
    await booting;
    expect(comparison.state.busy).toBeUndefined();
    expect(comparison.state.error).toEqual({ action: "boot-vm2", message: "guest/manifest.json: HTTP 404" });
  });

  it("refuses a second VM on a device too small for it, and boots nothing", async () => {
    const { lab: comparison, sessionsCreated } = lab({ memoryFacts: () => ({ deviceMemoryGb: 1 }) });
    await comparison.bootSecondVm();
    expect(comparison.state.refusal).toEqual({ allowed: false, reason: "small-device", deviceMemoryGb: 1 });
    expect(comparison.state.error).toBeUndefined();
    expect(comparison.secondSession).toBeUndefined();
    expect(sessionsCreated()).toBe(0);
  });

  it("reads a VM's memory and the size of its whole OS from the manifest", async () => {
    const { lab: comparison, changes } = lab();
    await expect.poll(() => comparison.state.vmImageBytes).toBe(SAMPLE_MANIFEST.files.kernel.size + SAMPLE_MANIFEST.files.initrd.size + SAMPLE_MANIFEST.disk.size);
    expect(comparison.state.memoryBytes).toBe(SAMPLE_MANIFEST.vm.memorySize);
    expect(changes.at(-1)).toBe(comparison.state);
  });

  it("shows no sizes for a manifest it cannot read, and booting the second VM says why", async () => {
    const { lab: comparison, sessionsCreated } = lab({ loadManifest: () => Promise.resolve({ format: 99 }) });
    await comparison.bootSecondVm();
    expect(comparison.state.vmImageBytes).toBeUndefined();
    expect(comparison.state.memoryBytes).toBeUndefined();
    expect(comparison.state.error?.action).toBe("boot-vm2");
    expect(comparison.state.error?.message).toMatch(/not a valid guest manifest/);
    expect(sessionsCreated()).toBe(0);
  });

  it("does nothing once the view closed it", async () => {
    const { lab: comparison, changes } = lab();
    await comparison.dispose();
    const before = changes.length;
    await comparison.startContainer();
    await comparison.bootSecondVm();
    expect(changes.length).toBe(before);
    expect(comparison.state.busy).toBeUndefined();
    expect(comparison.state.error).toBeUndefined();
  });
});
