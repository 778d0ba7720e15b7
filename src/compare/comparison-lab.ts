// The comparison of a VM with a container, as a service the view renders: it owns the second VM (a cold
// boot of its own, on its own VmSession), the cable between the two VMs' network cards, the containers
// it starts in VM 1, and every figure it measured. Each action runs in a real guest and records what
// the guest reported; nothing here is assumed or computed from constants, except the VMs' fixed RAM.
// No DOM: the page and the Node tests drive it the same way.
import { isRunning, type SessionState, type VmSession } from "../session/vm-session.ts";
import { outputText } from "../vm/agent-client.ts";
import { linkMachines, type LinkEnd } from "../vm/network-link.ts";
import { randomHex } from "../shared/bytes.ts";
import { parseManifest, type GuestManifest } from "../vm/manifest.ts";
import { TypedEvents, type Unsubscribe } from "../shared/typed-events.ts";
import { errorText } from "../shared/error-text.ts";
import type { VirtualMachine } from "../vm/virtual-machine.ts";
import { summarizeFrame, type FrameSummary } from "./frame-summary.ts";
import {
  CONTAINERS_REPORT,
  KERNEL_IDENTITY,
  REMOVE_CONTAINERS,
  VM1_ADDRESS,
  VM2_ADDRESS,
  VM2_NETWORK_SETUP,
  VM_WORKLOAD,
  WORKLOAD_BYTES,
  containerAddress,
  containerWorkloadScript,
  markerCountScript,
  markerScript,
  memoryHogScript,
  numberField,
  parseContainers,
  parseFields,
  parseKernelIdentity,
  parseRtts,
  pingScript,
  startContainerScript,
  textField,
  type ContainerReport,
  type KernelIdentity,
} from "./guest-scripts.ts";
import { secondVmVerdict, type MemoryFacts, type MemoryVerdict } from "./memory-guard.ts";
import { withTimeout } from "../shared/with-timeout.ts";

export interface ContainerStart {
  readonly name: string;
  readonly startMs: number;
  readonly imageBytes: number;
  readonly address: string;
}

export interface Overhead {
  readonly bytes: number;
  readonly nativeMs: number;
  readonly vmMs: number;
  readonly containerMs: number;
  readonly container: string;
  /** All three computed the same SHA-256: the same work was done. */
  readonly digestsMatch: boolean;
}

export interface PingResult {
  readonly from: string;
  readonly to: string;
  readonly rttsMs: readonly number[];
  readonly received: number;
  /** The MAC address the sender learned for the target (its neighbour entry). */
  readonly neighbour: string;
}

export interface PanicResult {
  /** VM 1's agent answered after VM 2's kernel panicked, in this many ms. */
  readonly vm1AnsweredMs: number;
  readonly vm1BootIdUnchanged: boolean;
}

export interface OomResult {
  readonly container: string;
  readonly oomKills: number;
  /** The other containers' processes still run. */
  readonly othersAlive: readonly string[];
}

export interface TracedFrame {
  readonly from: "vm1" | "vm2";
  readonly summary: FrameSummary;
}

export interface ComparisonState {
  /** The current action (what the view disables its buttons for), if any. */
  readonly busy: ComparisonAction | undefined;
  /** The last action's failure, in English detail (the view shows it under a localized heading). */
  readonly error: { readonly action: ComparisonAction; readonly message: string } | undefined;
  readonly refusal: MemoryVerdict | undefined;
  readonly vm2: SessionState | undefined;
  /** Whether the two cards are wired together right now. */
  readonly linked: boolean;
  readonly memoryBytes: number | undefined;
  /** The whole OS of a VM: kernel + root filesystem (initrd), from the manifest. */
  readonly vmImageBytes: number | undefined;
  readonly vm1BootMs: number | undefined;
  readonly vm1Restored: boolean;
  /** VM 1 resumed the snapshot: it shares the boot id every learner's restored VM has. */
  readonly vm1IsClone: boolean;
  readonly vm2BootMs: number | undefined;
  readonly vm1Identity: KernelIdentity | undefined;
  readonly vm2Identity: KernelIdentity | undefined;
  readonly containerStarts: readonly ContainerStart[];
  readonly containers: readonly ContainerReport[];
  /** How many of VM 2's marker processes VM 1 / VM 2 can see (0 / 1 when kernels are apart). */
  readonly markerSeenByVm1: number | undefined;
  readonly markerSeenByVm2: number | undefined;
  readonly overhead: Overhead | undefined;
  readonly vmPing: PingResult | undefined;
  readonly containerPing: PingResult | undefined;
  readonly frames: readonly TracedFrame[];
  readonly framesTotal: number;
  readonly panic: PanicResult | undefined;
  readonly oom: OomResult | undefined;
}

export type ComparisonAction =
  | "boot-vm2"
  | "close-vm2"
  | "start-container"
  | "measure"
  | "overhead"
  | "ping-vms"
  | "ping-containers"
  | "panic-vm2"
  | "memory-hog"
  | "remove-containers";

export interface ComparisonEvents {
  change: ComparisonState;
}

export interface NativeHash {
  readonly ms: number;
  readonly digest: string;
}

export interface ComparisonLabOptions {
  /** The learner's machine (VM 1). */
  readonly vm1: VmSession;
  /** Creates the session of the second VM (same assets and v86 as VM 1). */
  readonly createSession: () => VmSession;
  /** Loads the guest manifest (sizes of the VM's OS, its RAM). */
  readonly loadManifest: () => Promise<unknown>;
  /** Hashes `bytes` zero bytes natively in the page (Web Crypto) and times it. */
  readonly nativeHash: (bytes: number) => Promise<NativeHash>;
  readonly memoryFacts: () => MemoryFacts;
}

const FRAME_TRACE_LIMIT = 12;
const INITIAL: ComparisonState = {
  busy: undefined,
  error: undefined,
  refusal: undefined,
  vm2: undefined,
  linked: false,
  memoryBytes: undefined,
  vmImageBytes: undefined,
  vm1BootMs: undefined,
  vm1Restored: false,
  vm1IsClone: false,
  vm2BootMs: undefined,
  vm1Identity: undefined,
  vm2Identity: undefined,
  containerStarts: [],
  containers: [],
  markerSeenByVm1: undefined,
  markerSeenByVm2: undefined,
  overhead: undefined,
  vmPing: undefined,
  containerPing: undefined,
  frames: [],
  framesTotal: 0,
  panic: undefined,
  oom: undefined,
};

export class ComparisonLab {
  readonly events = new TypedEvents<ComparisonEvents>();
  private current: ComparisonState = INITIAL;
  private vm2: VmSession | undefined;
  private vm2Subscriptions: Unsubscribe[] = [];
  private readonly vm1Subscriptions: Unsubscribe[];
  private cable: { a: VirtualMachine; b: VirtualMachine; off: Unsubscribe } | undefined;
  private manifest: GuestManifest | undefined;
  private marker = "";
  private disposed = false;

  constructor(private readonly options: ComparisonLabOptions) {
    this.vm1Subscriptions = [
      options.vm1.events.on("state", (state) => {
        this.onVm1State(state);
        this.rewire();
      }),
      options.vm1.events.on("machine", () => {
        // A reset or cold boot of VM 1 is a new machine: the containers and figures were the old one's.
        this.unwire();
        this.update({ containers: [], containerStarts: [], vm1Identity: undefined, vmPing: undefined, containerPing: undefined, oom: undefined, markerSeenByVm1: undefined, overhead: undefined });
      }),
    ];
    this.onVm1State(options.vm1.state);
  }

  get state(): ComparisonState {
    return this.current;
  }

  /** VM 2's session, for its terminal; undefined until it is booted and after it is closed. */
  get secondSession(): VmSession | undefined {
    return this.vm2;
  }

  /** Boots VM 2 from scratch (its own kernel, its own boot log), wires the cable and sets its address. */
  bootSecondVm(): Promise<void> {
    return this.act("boot-vm2", async () => {
      const verdict = secondVmVerdict(this.options.memoryFacts());
      if (!verdict.allowed) {
        this.update({ refusal: verdict });
        return;
      }
      this.update({ refusal: undefined });
      await this.closeVm2();
      const manifest = await this.loadManifest();
      const session = this.options.createSession();
      this.vm2 = session;
      this.vm2Subscriptions = [
        session.events.on("state", (state) => {
          this.update({ vm2: state, vm2BootMs: state.phase === "ready" ? state.bootMs : this.current.vm2BootMs });
          this.rewire();
        }),
      ];
      this.update({ vm2: session.state, vm2BootMs: undefined, vm2Identity: undefined, panic: undefined, vmPing: undefined, markerSeenByVm1: undefined, markerSeenByVm2: undefined, memoryBytes: manifest.vm.memorySize });
      try {
        await session.coldBoot();
      } catch (error) {
        throw new Error(`the second VM could not start: ${errorText(error)}`, { cause: error });
      }
      const machine = session.vm;
      if (session.state.phase !== "ready" || !machine) {
        const failure = session.state.phase === "error" ? session.state.failure.message : session.state.phase;
        throw new Error(`the second VM did not become ready (${failure})`);
      }
      await this.runOk(machine, VM2_NETWORK_SETUP, 10_000);
      this.marker = `lab-vm2-${randomHex(4)}`;
      await this.runOk(machine, markerScript(this.marker), 10_000);
      this.rewire();
    });
  }

  /** Shuts VM 2 down and releases its memory (its emulator, buffers and console backlog). */
  closeSecondVm(): Promise<void> {
    return this.act("close-vm2", () => this.closeVm2());
  }

  /** Starts the next container (c1, c2, ...) in VM 1 and records its start time and image size. */
  startContainer(): Promise<void> {
    return this.act("start-container", async () => {
      const vm = this.requireVm1();
      const taken = new Set(this.current.containerStarts.map((c) => c.name));
      let index = 1;
      while (taken.has(`c${index}`)) index++;
      if (index > 9) throw new Error("nine containers are enough for this comparison");
      const name = `c${index}`;
      const f = parseFields(await this.runOk(vm, startContainerScript(name), 30_000));
      this.update({
        containerStarts: [
          ...this.current.containerStarts,
          { name, startMs: numberField(f, "start_ms"), imageBytes: numberField(f, "image_bytes"), address: containerAddress(name) },
        ],
      });
      await this.measureNow();
    });
  }

  /** Reads kernel identities, the containers' view, and who sees VM 2's marker process. */
  measure(): Promise<void> {
    return this.act("measure", () => this.measureNow());
  }

  /** The same SHA-256 workload natively, in VM 1 and in a container of VM 1. */
  measureOverhead(): Promise<void> {
    return this.act("overhead", async () => {
      const vm = this.requireVm1();
      const container = this.current.containerStarts[0]?.name;
      if (!container) throw new Error("start a container first: the workload also runs in one");
      const bytes = WORKLOAD_BYTES;
      const native = await this.options.nativeHash(bytes);
      const inVm = parseFields(await this.runOk(vm, VM_WORKLOAD, 120_000));
      const inContainer = parseFields(await this.runOk(vm, containerWorkloadScript(container), 120_000));
      const vmDigest = textField(inVm, "digest");
      this.update({
        overhead: {
          bytes,
          nativeMs: native.ms,
          vmMs: numberField(inVm, "ms"),
          containerMs: numberField(inContainer, "ms"),
          container,
          digestsMatch: vmDigest === native.digest && textField(inContainer, "digest") === native.digest,
        },
      });
    });
  }

  /** VM 1 pings VM 2 over the emulated cards and the page's cable (VM 1's address is the learner's). */
  pingVms(): Promise<void> {
    return this.act("ping-vms", async () => {
      const vm = this.requireVm1();
      if (!this.cable) throw new Error("boot the second VM first");
      const ownAddress = await this.runOk(vm, "ip -4 -o addr show dev eth0 | awk '{ print $4 }'", 10_000);
      if (!ownAddress.includes(`${VM1_ADDRESS}/`)) {
        throw new Error(`VM 1's eth0 has no address ${VM1_ADDRESS} yet; type: ip addr add ${VM1_ADDRESS}/24 dev eth0 && ip link set eth0 up`);
      }
      this.update({ vmPing: this.pingResult("vm1", "vm2", await this.runOk(vm, pingScript(VM2_ADDRESS), 20_000)) });
    });
  }

  /** Container c1 pings c2 across veth, bridge, veth: one kernel, no emulated card. */
  pingContainers(): Promise<void> {
    return this.act("ping-containers", async () => {
      const vm = this.requireVm1();
      const [first, second] = this.current.containerStarts;
      if (!first || !second) throw new Error("start two containers first");
      const out = await this.runOk(vm, pingScript(second.address, first.name), 20_000);
      this.update({ containerPing: this.pingResult(first.name, second.name, out) });
    });
  }

  /** Panics VM 2's kernel, then shows that VM 1 still answers and is the same boot. */
  panicSecondVm(): Promise<void> {
    return this.act("panic-vm2", async () => {
      const vm1 = this.requireVm1();
      const vm2 = this.vm2?.vm;
      if (!this.vm2 || !vm2 || this.vm2.state.phase !== "ready") throw new Error("the second VM is not running");
      const before = parseKernelIdentity(await this.runOk(vm1, KERNEL_IDENTITY, 15_000));
      const panicked = new Promise<void>((resolve) => {
        const off = this.vm2!.events.on("state", (state) => {
          if (state.phase === "error") {
            off();
            resolve();
          }
        });
      });
      // The agent never answers: the kernel dies under it.
      vm2.agent.run("echo c > /proc/sysrq-trigger", { timeoutMs: 20_000 }).catch(() => undefined);
      await withTimeout(panicked, 30_000, () => new Error("the second VM's kernel did not panic"));
      const started = performance.now();
      const after = parseKernelIdentity(await this.runOk(vm1, KERNEL_IDENTITY, 15_000));
      this.update({
        panic: { vm1AnsweredMs: performance.now() - started, vm1BootIdUnchanged: after.bootId === before.bootId },
        vm1Identity: after,
      });
    });
  }

  /** Runs a memory hog in c1: its cgroup's OOM killer ends it, the other containers live on. */
  runMemoryHog(): Promise<void> {
    return this.act("memory-hog", async () => {
      const vm = this.requireVm1();
      const [first, ...others] = this.current.containerStarts;
      if (!first || others.length === 0) throw new Error("start two containers first");
      const f = parseFields(await this.runOk(vm, memoryHogScript(first.name), 60_000));
      await this.measureNow();
      const alive = this.current.containers.filter((c) => c.name !== first.name && c.visibleToVm).map((c) => c.name);
      this.update({ oom: { container: first.name, oomKills: numberField(f, "oom_kill"), othersAlive: alive } });
    });
  }

  /** Removes the view's containers from VM 1 (cgroups, veths, bridge, mounts). */
  removeContainers(): Promise<void> {
    return this.act("remove-containers", async () => {
      const vm = this.requireVm1();
      await this.runOk(vm, REMOVE_CONTAINERS, 30_000);
      this.update({ containers: [], containerStarts: [], containerPing: undefined, oom: undefined, overhead: undefined });
    });
  }

  /** Closes VM 2 and forgets everything; the view calls this when it is closed. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const off of this.vm1Subscriptions) off();
    await this.closeVm2();
    this.events.clear();
  }

  private async measureNow(): Promise<void> {
    const vm1 = this.requireVm1();
    const vm1Identity = parseKernelIdentity(await this.runOk(vm1, KERNEL_IDENTITY, 15_000));
    const containers = parseContainers(await this.runOk(vm1, CONTAINERS_REPORT, 30_000));
    this.update({ vm1Identity, containers, vm1IsClone: this.isClone(vm1Identity) });
    const vm2 = this.vm2?.state.phase === "ready" ? this.vm2.vm : undefined;
    if (vm2 && this.marker) {
      const vm2Identity = parseKernelIdentity(await this.runOk(vm2, KERNEL_IDENTITY, 15_000));
      const seenBy1 = numberField(parseFields(await this.runOk(vm1, markerCountScript(this.marker), 15_000)), "count");
      const seenBy2 = numberField(parseFields(await this.runOk(vm2, markerCountScript(this.marker), 15_000)), "count");
      this.update({ vm2Identity, markerSeenByVm1: seenBy1, markerSeenByVm2: seenBy2 });
    }
  }

  private isClone(identity: KernelIdentity): boolean {
    return this.manifest !== undefined && identity.bootId === this.manifest.snapshot.bootId;
  }

  private pingResult(from: string, to: string, stdout: string): PingResult {
    const f = parseFields(stdout);
    return { from, to, rttsMs: parseRtts(stdout), received: Number(f.get("received") ?? 0), neighbour: f.get("neighbour") ?? "" };
  }

  private onVm1State(state: SessionState): void {
    if (state.phase === "ready" || state.phase === "unresponsive") {
      this.update({ vm1BootMs: state.bootMs, vm1Restored: state.mode === "restore" });
    }
    if (this.manifest === undefined && !this.disposed) void this.loadManifest().catch(() => undefined);
  }

  private async loadManifest(): Promise<GuestManifest> {
    if (!this.manifest) {
      this.manifest = parseManifest(await this.options.loadManifest());
      const files = this.manifest.files;
      this.update({ vmImageBytes: files.kernel.size + files.initrd.size, memoryBytes: this.manifest.vm.memorySize });
    }
    return this.manifest;
  }

  /** Wires the two cards when both machines run (again after VM 1 was reset); unwires otherwise. */
  private rewire(): void {
    const a = this.options.vm1.vm;
    const b = this.vm2?.vm;
    if (!a || !b || !isRunning(this.options.vm1.state) || !isRunning(this.vm2?.state)) {
      if (this.cable && (this.cable.a !== a || this.cable.b !== b)) this.unwire();
      return;
    }
    if (this.cable?.a === a && this.cable.b === b) return;
    this.unwire();
    const off = linkMachines(a, b, (from, frame) => this.trace(from, frame));
    this.cable = { a, b, off };
    this.update({ linked: true });
  }

  private unwire(): void {
    this.cable?.off();
    this.cable = undefined;
    if (this.current.linked) this.update({ linked: false });
  }

  private trace(from: LinkEnd, frame: Uint8Array): void {
    const entry: TracedFrame = { from: from === "a" ? "vm1" : "vm2", summary: summarizeFrame(frame) };
    this.update({ frames: [...this.current.frames, entry].slice(-FRAME_TRACE_LIMIT), framesTotal: this.current.framesTotal + 1 });
  }

  private async closeVm2(): Promise<void> {
    const session = this.vm2;
    this.vm2 = undefined;
    for (const off of this.vm2Subscriptions) off();
    this.vm2Subscriptions = [];
    this.unwire();
    this.marker = "";
    if (this.current.vm2 !== undefined) {
      this.update({ vm2: undefined, vm2Identity: undefined, markerSeenByVm1: undefined, markerSeenByVm2: undefined, vmPing: undefined, frames: [], framesTotal: 0 });
    }
    await session?.dispose();
  }

  private requireVm1(): VirtualMachine {
    const vm = this.options.vm1.vm;
    const phase = this.options.vm1.state.phase;
    if (!vm || (phase !== "ready" && phase !== "unresponsive")) throw new Error("VM 1 is not running");
    return vm;
  }

  private async runOk(vm: VirtualMachine, script: string, timeoutMs: number): Promise<string> {
    const result = await vm.agent.run(script, { timeoutMs });
    if (result.exitCode !== 0) {
      const stderr = outputText(result.stderr).trim();
      throw new Error(stderr || `the guest script failed with exit code ${result.exitCode}`);
    }
    return outputText(result.stdout);
  }

  private async act(action: ComparisonAction, work: () => Promise<void>): Promise<void> {
    if (this.disposed) return;
    // One action at a time (the view disables its buttons meanwhile): both VMs share one thread.
    if (this.current.busy) return;
    this.update({ busy: action, error: undefined });
    try {
      await work();
      this.update({ busy: undefined });
    } catch (error) {
      this.update({ busy: undefined, error: { action, message: errorText(error) } });
    }
  }

  private update(patch: Partial<ComparisonState>): void {
    this.current = { ...this.current, ...patch };
    this.events.emit("change", this.current);
  }
}
