// Keeps an element informed of where each learner shell is and which containers run (shell-places.ts),
// read through the agent every few seconds while the machine is ready. One reading at a time; paused
// while the tab is hidden; released with the element.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { VirtualMachine } from "../vm/virtual-machine.ts";
import { readWorkspaceStatus, type WorkspaceStatus } from "./shell-places.ts";
import type { VmSession } from "./vm-session.ts";

const EMPTY: WorkspaceStatus = { lines: [], containers: [] };

export class WorkspaceStatusController implements ReactiveController {
  status: WorkspaceStatus = EMPTY;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;
  private reading = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: () => VmSession | undefined,
    private readonly intervalMs = 3000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.schedule(0);
  }

  hostDisconnected(): void {
    this.connected = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Reads again soon (after the learner opened or restarted a shell). */
  refresh(delayMs = 500): void {
    this.schedule(delayMs);
  }

  private schedule(delayMs: number): void {
    if (!this.connected) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.read(), delayMs);
  }

  private async read(): Promise<void> {
    this.timer = undefined;
    const machine = this.readyMachine();
    const hidden = typeof document !== "undefined" && document.visibilityState === "hidden";
    if (machine && !hidden && !this.reading) {
      this.reading = true;
      try {
        const status = await readWorkspaceStatus(machine.agent, [0, ...machine.shellPorts]);
        if (machine === this.readyMachine()) {
          this.status = status;
          this.host.requestUpdate();
        }
      } catch {
        // A busy guest answers next time; the tabs keep what they showed.
      } finally {
        this.reading = false;
      }
    } else if (!machine && this.status !== EMPTY) {
      this.status = EMPTY;
      this.host.requestUpdate();
    }
    if (this.timer === undefined) this.schedule(this.intervalMs);
  }

  private readyMachine(): VirtualMachine | undefined {
    const session = this.session();
    return session?.state.phase === "ready" ? session.vm : undefined;
  }
}
