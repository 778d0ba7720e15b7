// Keeps a Lit element subscribed to the class client it is given (as a property, possibly late) and
// re-rendering on every change of the class status.
import type { ReactiveControllerHost } from "lit";
import { SourceBoundController } from "../ui/source-bound-controller.ts";
import type { Unsubscribe } from "../shared/typed-events.ts";
import type { ClassClient } from "./class-client.ts";

export class ClassStatusController extends SourceBoundController<ClassClient> {
  constructor(host: ReactiveControllerHost, source: () => ClassClient | undefined) {
    super(host, source);
  }

  protected subscribe(client: ClassClient): Unsubscribe[] {
    return [client.events.on("change", () => this.host.requestUpdate())];
  }

  protected sourceChanged(): void {
    this.host.requestUpdate();
  }
}
