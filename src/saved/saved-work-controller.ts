// Keeps a Lit element subscribed to the saved-work service it is given (from context, possibly late),
// re-rendering on every change, and releases the subscription when the element leaves the page.
import { SourceBoundController } from "../ui/source-bound-controller.ts";
import type { Unsubscribe } from "../shared/typed-events.ts";
import type { SavedWork } from "./saved-work.ts";

export class SavedWorkController extends SourceBoundController<SavedWork> {
  protected subscribe(savedWork: SavedWork): Unsubscribe[] {
    return [savedWork.events.on("change", () => this.host.requestUpdate())];
  }

  protected sourceChanged(): void {
    this.host.requestUpdate();
  }
}
