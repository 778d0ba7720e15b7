// The figures the comparison measured in the guests: the VMs' sizes and boot times, kernel identities,
// who sees VM 2's marker process, the same workload natively / in VM 1 / in a container, and the ping
// between the VMs. Each is read from a guest (or the manifest); none is assumed.
import type { SessionState } from "../session/vm-session.ts";
import { parseManifest, type GuestManifest } from "../vm/manifest.ts";
import type { VirtualMachine } from "../vm/virtual-machine.ts";
import {
  KERNEL_IDENTITY,
  VM1_ADDRESS,
  VM2_ADDRESS,
  VM_WORKLOAD,
  WORKLOAD_BYTES,
  containerWorkloadScript,
  markerCountScript,
  numberField,
  parseFields,
  parseKernelIdentity,
  pingScript,
  textField,
  type KernelIdentity,
} from "./guest-scripts.ts";
import { runOk } from "./guest-run.ts";
import { pingResult, type PingResult } from "./ping-result.ts";
import { StateSlice } from "./state-slice.ts";

export interface NativeHash {
  readonly ms: number;
  readonly digest: string;
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

export interface MeasurementState {
  readonly memoryBytes: number | undefined;
  /** The whole OS of a VM: kernel, initramfs and /usr disk, from the manifest. */
  readonly vmImageBytes: number | undefined;
  readonly vm1BootMs: number | undefined;
  readonly vm1Restored: boolean;
  /** VM 1 resumed the snapshot: it shares the boot id every learner's restored VM has. */
  readonly vm1IsClone: boolean;
  readonly vm1Identity: KernelIdentity | undefined;
  readonly vm2Identity: KernelIdentity | undefined;
  /** How many of VM 2's marker processes VM 1 / VM 2 can see (0 / 1 when kernels are apart). */
  readonly markerSeenByVm1: number | undefined;
  readonly markerSeenByVm2: number | undefined;
  readonly overhead: Overhead | undefined;
  readonly vmPing: PingResult | undefined;
}

export const NOTHING_MEASURED: MeasurementState = {
  memoryBytes: undefined,
  vmImageBytes: undefined,
  vm1BootMs: undefined,
  vm1Restored: false,
  vm1IsClone: false,
  vm1Identity: undefined,
  vm2Identity: undefined,
  markerSeenByVm1: undefined,
  markerSeenByVm2: undefined,
  overhead: undefined,
  vmPing: undefined,
};

/** What VM 1's session state tells about its start: its boot time and whether it resumed the snapshot. */
export function vm1StartFigures(state: SessionState): Pick<MeasurementState, "vm1BootMs" | "vm1Restored"> | undefined {
  return state.phase === "ready" || state.phase === "unresponsive" ? { vm1BootMs: state.bootMs, vm1Restored: state.mode === "restore" } : undefined;
}

/** The sizes the manifest tells: a VM's RAM and its whole OS (kernel, initrd and the /usr disk). */
export function manifestFigures(manifest: GuestManifest): Pick<MeasurementState, "memoryBytes" | "vmImageBytes"> {
  return { vmImageBytes: manifest.files.kernel.size + manifest.files.initrd.size + manifest.disk.size, memoryBytes: manifest.vm.memorySize };
}

/** A machine is a clone when it runs with the boot id recorded in the snapshot every learner resumes. */
export function isSnapshotClone(identity: KernelIdentity, manifest: GuestManifest | undefined): boolean {
  return manifest !== undefined && identity.bootId === manifest.snapshot.bootId;
}

/** The overhead figures from the three runs of the same workload (fields as the guest scripts print them). */
export function overheadOf(native: NativeHash, inVm: Map<string, string>, inContainer: Map<string, string>, container: string, bytes: number): Overhead {
  return {
    bytes,
    nativeMs: native.ms,
    vmMs: numberField(inVm, "ms"),
    containerMs: numberField(inContainer, "ms"),
    container,
    digestsMatch: textField(inVm, "digest") === native.digest && textField(inContainer, "digest") === native.digest,
  };
}

export class Measurements {
  readonly slice: StateSlice<MeasurementState>;
  private manifest: GuestManifest | undefined;

  constructor(
    private readonly readManifest: () => Promise<unknown>,
    changed: () => void,
  ) {
    this.slice = new StateSlice(NOTHING_MEASURED, changed);
  }

  get manifestLoaded(): boolean {
    return this.manifest !== undefined;
  }

  /** Reads and checks the guest manifest once, and records the sizes it tells. */
  async loadManifest(): Promise<GuestManifest> {
    if (!this.manifest) {
      this.manifest = parseManifest(await this.readManifest());
      this.slice.set(manifestFigures(this.manifest));
    }
    return this.manifest;
  }

  vm1StateChanged(state: SessionState): void {
    const figures = vm1StartFigures(state);
    if (figures) this.slice.set(figures);
  }

  async readVm1Identity(vm1: VirtualMachine): Promise<KernelIdentity> {
    return parseKernelIdentity(await runOk(vm1, KERNEL_IDENTITY, 15_000));
  }

  recordVm1Identity(vm1Identity: KernelIdentity): void {
    this.slice.set({ vm1Identity, vm1IsClone: isSnapshotClone(vm1Identity, this.manifest) });
  }

  /** VM 2's kernel identity and who sees its marker process: VM 2 itself, and (never) VM 1. */
  async measureVm2(vm1: VirtualMachine, vm2: VirtualMachine, marker: string): Promise<void> {
    const vm2Identity = parseKernelIdentity(await runOk(vm2, KERNEL_IDENTITY, 15_000));
    const seenBy1 = numberField(parseFields(await runOk(vm1, markerCountScript(marker), 15_000)), "count");
    const seenBy2 = numberField(parseFields(await runOk(vm2, markerCountScript(marker), 15_000)), "count");
    this.slice.set({ vm2Identity, markerSeenByVm1: seenBy1, markerSeenByVm2: seenBy2 });
  }

  /** The same SHA-256 workload natively, in VM 1 and in `container` (a container of VM 1). */
  async overhead(vm1: VirtualMachine, container: string, nativeHash: (bytes: number) => Promise<NativeHash>): Promise<void> {
    const native = await nativeHash(WORKLOAD_BYTES);
    const inVm = parseFields(await runOk(vm1, VM_WORKLOAD, 120_000));
    const inContainer = parseFields(await runOk(vm1, containerWorkloadScript(container), 120_000));
    this.slice.set({ overhead: overheadOf(native, inVm, inContainer, container, WORKLOAD_BYTES) });
  }

  /** VM 1 pings VM 2 over the emulated cards and the page's cable (VM 1's address is the learner's). */
  async pingVms(vm1: VirtualMachine): Promise<void> {
    const ownAddress = await runOk(vm1, "ip -4 -o addr show dev eth0 | awk '{ print $4 }'", 10_000);
    if (!ownAddress.includes(`${VM1_ADDRESS}/`)) {
      throw new Error(`VM 1's eth0 has no address ${VM1_ADDRESS} yet; type: ip addr add ${VM1_ADDRESS}/24 dev eth0 && ip link set eth0 up`);
    }
    this.slice.set({ vmPing: pingResult("vm1", "vm2", await runOk(vm1, pingScript(VM2_ADDRESS), 20_000)) });
  }

  /** Forgets what was measured on VM 1's machine (it was reset: a new machine). */
  forgetVm1(): void {
    this.slice.set({ vm1Identity: undefined, vmPing: undefined, markerSeenByVm1: undefined, overhead: undefined });
  }

  /** Forgets what involved VM 2 (closed, or about to boot afresh). */
  forgetVm2(): void {
    this.slice.set({ vm2Identity: undefined, markerSeenByVm1: undefined, markerSeenByVm2: undefined, vmPing: undefined });
  }

  forgetOverhead(): void {
    this.slice.set({ overhead: undefined });
  }
}
