// The instructor's live feed as a reactive controller: an EventSource on the class server's stream
// (a snapshot of every student, then one row per change), reconnecting on its own after a drop, and
// closed when the element leaves the page. Rows are kept by student id.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { CLASS_API, type StreamMessage, type StudentRow } from "./class-protocol.ts";

export type StreamState = "connecting" | "live" | "reconnecting" | "unauthorized" | "not-served";

export class ClassStreamController implements ReactiveController {
  rows = new Map<string, StudentRow>();
  state: StreamState = "connecting";
  /** When the newest row arrived (performance.now()), for the page's "updated" figure. */
  lastUpdate = 0;
  private source: EventSource | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly base: URL,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.open();
  }

  hostDisconnected(): void {
    this.source?.close();
    this.source = undefined;
  }

  private async open(): Promise<void> {
    // EventSource hides the status of a refused connection: ask once with fetch to tell the cases apart.
    const url = new URL(CLASS_API.stream, this.base);
    const probe = await fetch(new URL(CLASS_API.hello, this.base), { cache: "no-store" }).catch(() => undefined);
    if (!probe?.ok) return this.set("not-served");
    const source = new EventSource(url);
    this.source = source;
    source.onopen = () => this.set("live");
    source.onmessage = (event: MessageEvent<string>) => this.receive(JSON.parse(event.data) as StreamMessage);
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) void this.afterClose(source);
      else this.set("reconnecting");
    };
  }

  /** A stream the browser gave up on: refused (no or wrong cookie), or the server went away. */
  private async afterClose(source: EventSource): Promise<void> {
    if (this.source !== source) return;
    const check = await fetch(new URL(CLASS_API.csv, this.base), { method: "GET", cache: "no-store" }).catch(() => undefined);
    if (check && (check.status === 401 || check.status === 403)) return this.set("unauthorized");
    this.set("reconnecting");
    setTimeout(() => {
      if (this.source === source) void this.open();
    }, 2000);
  }

  private receive(message: StreamMessage): void {
    if (message.kind === "snapshot") this.rows = new Map(message.rows.map((r) => [r.student, r]));
    else this.rows = new Map(this.rows).set(message.row.student, message.row);
    this.lastUpdate = performance.now();
    this.state = "live";
    this.host.requestUpdate();
  }

  private set(state: StreamState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
