// The comparison of a VM with a container, as a service the view renders. It composes four parts, each
// owning its share of the state: the second VM's lifecycle (second-vm.ts), the cable between the two
// VMs' cards (vm-cable.ts), the containers it starts in VM 1 (container-side.ts) and the figures it
// measured (measurements.ts). This facade runs one action at a time, records its failure, and hands the
// view one merged state. Every figure comes from a real guest; nothing is assumed or computed from
// constants, except the VMs' fixed RAM. No DOM: the page and the Node tests drive it the same way.
import { isRunning, type VmSession } from "../session/vm-session.ts";
import { TypedEvents, type Unsubscribe } from "../shared/typed-events.ts";
import { errorText } from "../shared/error-text.ts";
import { ContainerSide, type ContainerState } from "./container-side.ts";
import { requireVm1 } from "./guest-run.ts";
import type { MemoryFacts } from "./memory-guard.ts";
import { Measurements, type MeasurementState, type NativeHash } from "./measurements.ts";
import { SecondVm, type SecondVmState } from "./second-vm.ts";
import { StateSlice } from "./state-slice.ts";
import { VmCable, type CableState } from "./vm-cable.ts";

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

export interface ActionState {
  /** The current action (what the view disables its buttons for), if any. */
  readonly busy: ComparisonAction | undefined;
  /** The last action's failure, in English detail (the view shows it under a localized heading). */
  readonly error: { readonly action: ComparisonAction; readonly message: string } | undefined;
}

export type ComparisonState = ActionState & SecondVmState & CableState & ContainerState & MeasurementState;

export interface ComparisonEvents {
  change: ComparisonState;
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

export class ComparisonLab {
  readonly events = new TypedEvents<ComparisonEvents>();
  private readonly actions: StateSlice<ActionState>;
  private readonly secondVm: SecondVm;
  private readonly cable: VmCable;
  private readonly containers: ContainerSide;
  private readonly measurements: Measurements;
  private readonly vm1Subscriptions: Unsubscribe[];
  private merged: ComparisonState;
  private disposed = false;

  constructor(private readonly options: ComparisonLabOptions) {
    const changed = () => this.changed();
    this.actions = new StateSlice<ActionState>({ busy: undefined, error: undefined }, changed);
    this.secondVm = new SecondVm({ createSession: options.createSession, memoryFacts: options.memoryFacts, onSessionState: () => this.rewire() }, changed);
    this.cable = new VmCable(changed);
    this.containers = new ContainerSide(changed);
    this.measurements = new Measurements(options.loadManifest, changed);
    this.merged = this.merge();
    this.vm1Subscriptions = [
      options.vm1.events.on("state", () => {
        this.onVm1State();
        this.rewire();
      }),
      options.vm1.events.on("machine", () => {
        // A reset or cold boot of VM 1 is a new machine: the containers and figures were the old one's.
        this.cable.unwire();
        this.containers.forget();
        this.measurements.forgetVm1();
      }),
    ];
    this.onVm1State();
  }

  get state(): ComparisonState {
    return this.merged;
  }

  /** VM 2's session, for its terminal; undefined until it is booted and after it is closed. */
  get secondSession(): VmSession | undefined {
    return this.secondVm.session;
  }

  /** Boots VM 2 from scratch (its own kernel, its own boot log), wires the cable and sets its address. */
  bootSecondVm(): Promise<void> {
    return this.act("boot-vm2", async () => {
      if (!this.secondVm.admit()) return;
      await this.closeVm2();
      await this.measurements.loadManifest();
      this.measurements.forgetVm2();
      await this.secondVm.boot();
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
      await this.containers.start(requireVm1(this.options.vm1));
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
      const vm = requireVm1(this.options.vm1);
      const container = this.containers.first?.name;
      if (!container) throw new Error("start a container first: the workload also runs in one");
      await this.measurements.overhead(vm, container, this.options.nativeHash);
    });
  }

  /** VM 1 pings VM 2 over the emulated cards and the page's cable (VM 1's address is the learner's). */
  pingVms(): Promise<void> {
    return this.act("ping-vms", async () => {
      const vm = requireVm1(this.options.vm1);
      if (!this.cable.slice.value.linked) throw new Error("boot the second VM first");
      await this.measurements.pingVms(vm);
    });
  }

  /** Container c1 pings c2 across veth, bridge, veth: one kernel, no emulated card. */
  pingContainers(): Promise<void> {
    return this.act("ping-containers", () => this.containers.ping(requireVm1(this.options.vm1)));
  }

  /** Panics VM 2's kernel, then shows that VM 1 still answers and is the same boot. */
  panicSecondVm(): Promise<void> {
    return this.act("panic-vm2", async () => {
      const after = await this.secondVm.panic(requireVm1(this.options.vm1));
      this.measurements.slice.set({ vm1Identity: after });
    });
  }

  /** Runs a memory hog in c1: its cgroup's OOM killer ends it, the other containers live on. */
  runMemoryHog(): Promise<void> {
    return this.act("memory-hog", () => this.containers.memoryHog(requireVm1(this.options.vm1), () => this.measureNow()));
  }

  /** Removes the view's containers from VM 1 (cgroups, veths, bridge, mounts). */
  removeContainers(): Promise<void> {
    return this.act("remove-containers", async () => {
      await this.containers.remove(requireVm1(this.options.vm1));
      this.measurements.forgetOverhead();
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
    const vm1 = requireVm1(this.options.vm1);
    const vm1Identity = await this.measurements.readVm1Identity(vm1);
    await this.containers.report(vm1);
    this.measurements.recordVm1Identity(vm1Identity);
    const vm2 = this.secondVm.readyMachine;
    if (vm2 && this.secondVm.marker) await this.measurements.measureVm2(vm1, vm2, this.secondVm.marker);
  }

  private onVm1State(): void {
    this.measurements.vm1StateChanged(this.options.vm1.state);
    if (!this.measurements.manifestLoaded && !this.disposed) void this.measurements.loadManifest().catch(() => undefined);
  }

  /** Wires the two cards when both machines run (again after VM 1 was reset); unwires otherwise. */
  private rewire(): void {
    const session = this.secondVm.session;
    this.cable.rewire(this.options.vm1.vm, session?.vm, isRunning(this.options.vm1.state) && isRunning(session?.state));
  }

  private async closeVm2(): Promise<void> {
    const { session, shown } = this.secondVm.detach();
    this.cable.unwire();
    if (shown) {
      this.measurements.forgetVm2();
      this.cable.clearTrace();
    }
    await session?.dispose();
  }

  private async act(action: ComparisonAction, work: () => Promise<void>): Promise<void> {
    if (this.disposed) return;
    // One action at a time (the view disables its buttons meanwhile): both VMs share one thread.
    if (this.actions.value.busy) return;
    this.actions.set({ busy: action, error: undefined });
    try {
      await work();
      this.actions.set({ busy: undefined });
    } catch (error) {
      this.actions.set({ busy: undefined, error: { action, message: errorText(error) } });
    }
  }

  private merge(): ComparisonState {
    return { ...this.actions.value, ...this.secondVm.slice.value, ...this.cable.slice.value, ...this.containers.slice.value, ...this.measurements.slice.value };
  }

  private changed(): void {
    this.merged = this.merge();
    this.events.emit("change", this.merged);
  }
}
