// What <lab-announcer>'s live region says: the messages announced in the last moment, joined. A screen
// reader speaks a live region when its text changes, so the same message twice in a row ("2 of 3 checks
// passed") must change the text: the region is emptied first and filled on the next frame. The text is
// cleared a while later, so it does not linger in the accessibility tree. Timers stop when the host leaves.
import type { ReactiveControllerHost } from "lit";
import type { Unsubscribe } from "../shared/typed-events.ts";
import type { Announcer } from "./announcer.ts";
import { SourceBoundController } from "./source-bound-controller.ts";

/** Messages within this window are spoken together; the region is emptied this long after the last. */
const GATHER_MS = 250;
const CLEAR_MS = 10_000;

export class AnnouncerController extends SourceBoundController<Announcer> {
  /** The live region's text now. */
  text = "";
  private pending: string[] = [];
  private gather: ReturnType<typeof setTimeout> | undefined;
  private clear: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, source: () => Announcer | undefined) {
    super(host, source);
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    clearTimeout(this.gather);
    clearTimeout(this.clear);
    this.pending = [];
  }

  protected subscribe(announcer: Announcer): Unsubscribe[] {
    return [announcer.events.on("announce", (message) => this.queue(message))];
  }

  protected sourceChanged(): void {}

  private queue(message: string): void {
    if (!this.pending.includes(message)) this.pending.push(message);
    if (this.gather !== undefined) return;
    this.text = "";
    this.host.requestUpdate();
    this.gather = setTimeout(() => {
      this.gather = undefined;
      this.text = this.pending.join(" ");
      this.pending = [];
      this.host.requestUpdate();
      clearTimeout(this.clear);
      this.clear = setTimeout(() => {
        this.text = "";
        this.host.requestUpdate();
      }, CLEAR_MS);
    }, GATHER_MS);
  }
}
