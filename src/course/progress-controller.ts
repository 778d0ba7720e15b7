// Keeps a Lit element subscribed to the progress store it is given (from context, possibly late),
// re-rendering on every change, and releases the subscription when the element leaves the page.
import type { ReactiveControllerHost } from "lit";
import { SourceBoundController } from "../ui/source-bound-controller.ts";
import type { Unsubscribe } from "../shared/typed-events.ts";
import type { Progress } from "./progress.ts";
import type { ProgressStore } from "./progress-store.ts";

export class ProgressController extends SourceBoundController<ProgressStore> {
  constructor(
    host: ReactiveControllerHost,
    source: () => ProgressStore | undefined,
    private readonly onChange?: (progress: Progress) => void,
  ) {
    super(host, source);
  }

  protected subscribe(store: ProgressStore): Unsubscribe[] {
    return [
      store.events.on("change", (progress) => {
        this.onChange?.(progress);
        this.host.requestUpdate();
      }),
    ];
  }

  protected sourceChanged(): void {
    this.host.requestUpdate();
  }
}
