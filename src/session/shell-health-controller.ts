// Keeps an element informed of the learner's shell health (see shell-health.ts) for whichever machine
// the session runs, and offers the way out of a runaway shell: stop every learner process except the
// login shells. The monitor runs while a machine is ready and is replaced with the machine.
import type { Unsubscribe } from "../shared/typed-events.ts";
import { errorText } from "../shared/error-text.ts";
import type { VirtualMachine } from "../vm/virtual-machine.ts";
import { stopRunawayProcesses, type StopReport } from "./runaway-processes.ts";
import { SessionBoundController } from "./session-controller.ts";
import { ShellHealthMonitor, type ShellHealth } from "./shell-health.ts";
import type { VmSession } from "./vm-session.ts";

export type RecoveryState =
  | { readonly kind: "idle" }
  | { readonly kind: "stopping" }
  | { readonly kind: "stopped"; readonly report: StopReport }
  | { readonly kind: "failed"; readonly message: string };

export class ShellHealthController extends SessionBoundController {
  health: ShellHealth = { kind: "healthy" };
  recovery: RecoveryState = { kind: "idle" };
  private monitor: ShellHealthMonitor | undefined;
  private watched: VirtualMachine | undefined;

  /** Kills the runaway processes in the learner's cgroup; the result lands in `recovery`. */
  async stopRunaway(): Promise<void> {
    const machine = this.session?.vm;
    if (!machine || this.recovery.kind === "stopping") return;
    this.recovery = { kind: "stopping" };
    this.host.requestUpdate();
    try {
      const report = await stopRunawayProcesses(machine.agent);
      if (machine !== this.watched) return;
      this.recovery = { kind: "stopped", report };
      this.monitor?.recovered();
    } catch (error) {
      if (machine !== this.watched) return;
      this.recovery = { kind: "failed", message: errorText(error) };
    }
    this.host.requestUpdate();
  }

  dismissRecovery(): void {
    this.recovery = { kind: "idle" };
    this.host.requestUpdate();
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    this.unwatch();
  }

  protected subscribe(session: VmSession): Unsubscribe[] {
    return [
      session.events.on("state", () => this.watchMachine(session)),
      session.events.on("input", () => this.monitor?.noteInput()),
      session.events.on("console", () => this.monitor?.noteOutput()),
    ];
  }

  protected sessionChanged(session: VmSession | undefined): void {
    if (session) this.watchMachine(session);
    else this.unwatch();
  }

  /** Watches the session's machine while it is ready; a new machine starts with a healthy shell. */
  private watchMachine(session: VmSession): void {
    const phase = session.state.phase;
    const machine = phase === "ready" || phase === "unresponsive" ? session.vm : undefined;
    if (machine === this.watched) return;
    this.unwatch();
    if (!machine) return;
    this.watched = machine;
    this.monitor = new ShellHealthMonitor({
      agent: machine.agent,
      isPaused: () => typeof document !== "undefined" && document.visibilityState === "hidden",
      onChange: (health) => {
        this.health = health;
        // A new runaway after a stop shows the banner's question again, not the old answer.
        if (health.kind !== "healthy" && this.recovery.kind === "stopped") this.recovery = { kind: "idle" };
        this.host.requestUpdate();
      },
    });
    this.monitor.start();
  }

  private unwatch(): void {
    this.monitor?.stop();
    this.monitor = undefined;
    this.watched = undefined;
    const changed = this.health.kind !== "healthy" || this.recovery.kind !== "idle";
    this.health = { kind: "healthy" };
    this.recovery = { kind: "idle" };
    if (changed) this.host.requestUpdate();
  }
}
