// Keeps an element informed of where each learner shell is and which containers run (shell-places.ts),
// read through the agent while the machine is ready. One reading at a time; paused while the tab is
// hidden; released with the element. A reading walks every process of the guest, so it costs the
// emulated CPU: every few seconds after the learner typed, less and less often while nothing changes.
import type { ReactiveControllerHost } from "lit";
import type { Unsubscribe } from "../shared/typed-events.ts";
import type { VirtualMachine } from "../vm/virtual-machine.ts";
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
  private pauseMs: number;
  /** Keys were typed since the last reading began. */
  private typed = false;

  constructor(
    host: ReactiveControllerHost,
    session: () => VmSession | undefined,
    private readonly timing: WorkspaceStatusTiming = {},
  ) {
    super(host, session);
    this.pauseMs = this.baseMs;
  }

  private get baseMs(): number {
    return this.timing.intervalMs ?? 3000;
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
    this.pauseMs = this.baseMs;
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
    this.typed = true;
    if (this.pauseMs <= this.baseMs) return;
    this.pauseMs = this.baseMs;
    if (this.timer !== undefined) this.schedule(this.baseMs);
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
    const typed = this.typed;
    this.typed = false;
    if (machine && !hidden && !this.reading) {
      this.reading = true;
      try {
        const status = await readWorkspaceStatus(machine.agent, [0, ...machine.shellPorts]);
        if (machine === this.readyMachine()) {
          const unchanged = JSON.stringify(status) === JSON.stringify(this.status);
          this.pauseMs = unchanged && !typed && !this.typed ? Math.min(this.pauseMs * 2, this.timing.calmIntervalMs ?? 30_000) : this.baseMs;
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
    if (this.timer === undefined) this.schedule(this.pauseMs);
  }

  private readyMachine(): VirtualMachine | undefined {
    const session = this.session;
    return session?.state.phase === "ready" ? session.vm : undefined;
  }
}
