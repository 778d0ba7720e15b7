// The container side of the comparison: the containers the view starts in VM 1 (c1..c9 on one kernel),
// what VM 1 reports about them, the ping between two of them and the memory hog one of them runs.
import type { VirtualMachine } from "../vm/virtual-machine.ts";
import {
  CONTAINERS_REPORT,
  REMOVE_CONTAINERS,
  containerAddress,
  memoryHogScript,
  numberField,
  parseContainers,
  parseFields,
  pingScript,
  startContainerScript,
  type ContainerReport,
} from "./guest-scripts.ts";
import { runOk } from "./guest-run.ts";
import { pingResult, type PingResult } from "./ping-result.ts";
import { StateSlice } from "./state-slice.ts";

export interface ContainerStart {
  readonly name: string;
  readonly startMs: number;
  readonly imageBytes: number;
  readonly address: string;
}

export interface OomResult {
  readonly container: string;
  readonly oomKills: number;
  /** The other containers' processes still run. */
  readonly othersAlive: readonly string[];
}

export interface ContainerState {
  readonly containerStarts: readonly ContainerStart[];
  readonly containers: readonly ContainerReport[];
  readonly containerPing: PingResult | undefined;
  readonly oom: OomResult | undefined;
}

export const NO_CONTAINERS: ContainerState = { containerStarts: [], containers: [], containerPing: undefined, oom: undefined };

/** The first free name of c1..c9; a tenth container is refused (the view's subnet and names stop at 9). */
export function nextContainerName(taken: readonly string[]): string {
  const names = new Set(taken);
  let index = 1;
  while (names.has(`c${index}`)) index++;
  if (index > 9) throw new Error("nine containers are enough for this comparison");
  return `c${index}`;
}

/** The containers other than the hog's whose processes VM 1 still sees. */
export function survivors(containers: readonly ContainerReport[], hog: string): string[] {
  return containers.filter((c) => c.name !== hog && c.visibleToVm).map((c) => c.name);
}

export class ContainerSide {
  readonly slice: StateSlice<ContainerState>;

  constructor(changed: () => void) {
    this.slice = new StateSlice(NO_CONTAINERS, changed);
  }

  /** The first container started, whose image and workload the other figures use. */
  get first(): ContainerStart | undefined {
    return this.slice.value.containerStarts[0];
  }

  /** Starts the next container and records its start time and image size. */
  async start(vm: VirtualMachine): Promise<void> {
    const name = nextContainerName(this.slice.value.containerStarts.map((c) => c.name));
    const f = parseFields(await runOk(vm, startContainerScript(name), 30_000));
    const started: ContainerStart = { name, startMs: numberField(f, "start_ms"), imageBytes: numberField(f, "image_bytes"), address: containerAddress(name) };
    this.slice.set({ containerStarts: [...this.slice.value.containerStarts, started] });
  }

  /** Reads what VM 1 reports about every container (kernel, boot id, memory, visibility). */
  async report(vm: VirtualMachine): Promise<readonly ContainerReport[]> {
    const containers = parseContainers(await runOk(vm, CONTAINERS_REPORT, 30_000));
    this.slice.set({ containers });
    return containers;
  }

  /** Container c1 pings c2 across veth, bridge, veth: one kernel, no emulated card. */
  async ping(vm: VirtualMachine): Promise<void> {
    const [first, second] = this.slice.value.containerStarts;
    if (!first || !second) throw new Error("start two containers first");
    const out = await runOk(vm, pingScript(second.address, first.name), 20_000);
    this.slice.set({ containerPing: pingResult(first.name, second.name, out) });
  }

  /** Runs a memory hog in c1, then `measure` (which reads the containers again) to see who survived. */
  async memoryHog(vm: VirtualMachine, measure: () => Promise<void>): Promise<void> {
    const [first, ...others] = this.slice.value.containerStarts;
    if (!first || others.length === 0) throw new Error("start two containers first");
    const f = parseFields(await runOk(vm, memoryHogScript(first.name), 60_000));
    await measure();
    this.slice.set({ oom: { container: first.name, oomKills: numberField(f, "oom_kill"), othersAlive: survivors(this.slice.value.containers, first.name) } });
  }

  /** Removes the view's containers from VM 1 (cgroups, veths, bridge, mounts). */
  async remove(vm: VirtualMachine): Promise<void> {
    await runOk(vm, REMOVE_CONTAINERS, 30_000);
    this.forget();
  }

  /** Forgets every container (removed, or VM 1 became a new machine that never had them). */
  forget(): void {
    this.slice.set(NO_CONTAINERS);
  }
}
