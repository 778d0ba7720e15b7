// The terminal tabs' reading of where each shell is: it walks every guest process, so it comes every few
// seconds after the learner typed and less and less often while nothing changes.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TypedEvents } from "../../src/shared/typed-events.ts";
import { WorkspaceStatusController } from "../../src/session/workspace-status-controller.ts";
import type { VmSession } from "../../src/session/vm-session.ts";
import type { AgentResult, GuestReadings } from "../../src/vm/agent-client.ts";
import type { AgentReading } from "../../src/vm/agent-protocol.ts";

/** A guest whose console shell (ttyS0, tty_nr 1088) is on the host or, once `inContainer`, in c1. */
class PlacesGuest implements GuestReadings {
  readings = 0;
  inContainer = false;
  read(reading: AgentReading): Promise<AgentResult> {
    expect(reading).toEqual({ name: "places", ttys: [1088] });
    this.readings++;
    const text = this.inContainer ? "line 1088 48 container c1\ncontainer 70 c1\n" : "line 1088 48 host\n";
    return Promise.resolve({ exitCode: 0, signal: 0, stdout: new TextEncoder().encode(text), stderr: new Uint8Array(), truncated: false, durationMs: 1 });
  }
}

class Host implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
}

let guest: PlacesGuest;
let events: TypedEvents<{ input: undefined }>;
let host: Host;
let places: WorkspaceStatusController;

beforeEach(() => {
  vi.useFakeTimers();
  guest = new PlacesGuest();
  events = new TypedEvents();
  const session = { events, state: { phase: "ready" }, vm: { agent: guest, shellPorts: [] } } as unknown as VmSession;
  host = new Host();
  places = new WorkspaceStatusController(host, () => session, { intervalMs: 1000, calmIntervalMs: 8000 });
  for (const controller of host.controllers) controller.hostConnected?.();
});

afterEach(() => {
  for (const controller of host.controllers) controller.hostDisconnected?.();
  vi.useRealTimers();
});

describe("WorkspaceStatusController", () => {
  it("reads less often while nothing changes, and at the steady pace again once the learner types", async () => {
    // Readings at 0, 1 (a change: from nothing to "host"), then calm: 3, 7, 15, 23 s.
    await vi.advanceTimersByTimeAsync(23_500);
    expect(guest.readings).toBe(6);
    expect(places.status.lines[0]?.place).toEqual({ kind: "host" });

    // The learner types a command that enters a container: it shows within the steady pause.
    events.emit("input", undefined);
    guest.inContainer = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(places.status.lines[0]?.place).toEqual({ kind: "container", name: "c1" });
    expect(places.status.containers).toEqual([{ pid: 70, name: "c1" }]);
  });

  it("reads at once when asked (the container menu opened)", async () => {
    await vi.advanceTimersByTimeAsync(23_500);
    const before = guest.readings;
    places.refresh(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(guest.readings).toBe(before + 1);
  });
});
