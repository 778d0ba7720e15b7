// Keeps an element informed of where each learner shell is and which containers run (shell-places.ts),
// read through the agent while the machine is ready. One reading at a time; paused while the tab is
// hidden; released with the element. A reading walks every process of the guest, so it costs the
// emulated CPU: every few seconds after the learner typed, less and less often while nothing changes.
import type { ReactiveControllerHost } from "lit";
import type { Unsubscribe } from "../shared/typed-events.ts";
import type { VirtualMachine } from "../vm/virtual-machine.ts";
import { CalmPace } from "./calm-pace.ts";
import { SessionBoundController } from "./session-controller.ts";
import { readWorkspaceStatus, type WorkspaceStatus } from "./shell-places.ts";
import type { VmSession } from "./vm-session.ts";

const EMPTY: WorkspaceStatus = { lines: [], containers: [] };

export interface WorkspaceStatusTiming {
  /** The pause after a reading that found a change, or after the learner typed (default 3 s). */
  readonly intervalMs?: number;
  /** The longest pause, reached by doubling while readings find nothing new (default 30 s). */
  readonly calmIntervalMs?: number;
}

export class WorkspaceStatusController extends SessionBoundController {
  status: WorkspaceStatus = EMPTY;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attached = false;
  private reading = false;
  private readonly pace: CalmPace;

  constructor(
    host: ReactiveControllerHost,
    session: () => VmSession | undefined,
    timing: WorkspaceStatusTiming = {},
  ) {
    super(host, session);
    this.pace = new CalmPace(timing.intervalMs ?? 3000, timing.calmIntervalMs ?? 30_000);
  }

  override hostConnected(): void {
    this.attached = true;
    super.hostConnected();
    this.schedule(0);
  }

  override hostDisconnected(): void {
    this.attached = false;
    super.hostDisconnected();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Reads again soon (after the learner opened or restarted a shell). */
  refresh(delayMs = 500): void {
    this.pace.reset();
    this.schedule(delayMs);
  }

  protected subscribe(session: VmSession): Unsubscribe[] {
    return [session.events.on("input", () => this.noteInput())];
  }

  protected sessionChanged(): void {
    this.refresh(0);
  }

  /** The learner typed: a command may move a shell into a container, so read at the steady pace again. */
  private noteInput(): void {
    if (this.pace.noteInput() && this.timer !== undefined) this.schedule(this.pace.pauseMs);
  }

  private schedule(delayMs: number): void {
    if (!this.attached) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.read(), delayMs);
  }

  private async read(): Promise<void> {
    this.timer = undefined;
    const machine = this.readyMachine();
    const hidden = typeof document !== "undefined" && document.visibilityState === "hidden";
    this.pace.begin();
    if (machine && !hidden && !this.reading) {
      this.reading = true;
      try {
        const status = await readWorkspaceStatus(machine.agent, [0, ...machine.shellPorts]);
        if (machine === this.readyMachine()) {
          this.pace.end(JSON.stringify(status) === JSON.stringify(this.status));
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
    if (this.timer === undefined) this.schedule(this.pace.pauseMs);
  }

  private readyMachine(): VirtualMachine | undefined {
    const session = this.session;
    return session?.state.phase === "ready" ? session.vm : undefined;
  }
}
