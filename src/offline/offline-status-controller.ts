// Keeps a Lit element subscribed to the page's OfflineSupport (given as a property, so it may arrive
// late); the subscription is released when the element leaves the page.
import type { OfflineState, OfflineSupport } from "./offline-support.ts";
import { SourceBoundController } from "../ui/source-bound-controller.ts";
import type { Unsubscribe } from "../shared/typed-events.ts";

export class OfflineStatusController extends SourceBoundController<OfflineSupport> {
  state: OfflineState = { kind: "off" };

  /** Asks the waiting build to take over; the page reloads when it has. */
  applyUpdate(): void {
    this.current?.applyUpdate();
  }

  protected subscribe(offline: OfflineSupport): Unsubscribe[] {
    return [
      offline.events.on("state", (state) => {
        this.state = state;
        this.host.requestUpdate();
      }),
    ];
  }

  protected sourceChanged(offline: OfflineSupport | undefined): void {
    this.state = offline?.state ?? { kind: "off" };
    this.host.requestUpdate();
  }
}
