// Follows the page's address for an assignment (`#/pack/<name>`: the overview shows only that content
// pack) and re-renders its host when it changes; releases its listener when the host leaves.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { assignmentFromHash } from "../exercises/pack-sections.ts";

export class AssignmentController implements ReactiveController {
  pack: string | undefined = assignmentFromHash(location.hash);

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener("hashchange", this.onHashChange);
    this.onHashChange();
  }

  hostDisconnected(): void {
    window.removeEventListener("hashchange", this.onHashChange);
  }

  private readonly onHashChange = (): void => {
    const pack = assignmentFromHash(location.hash);
    if (pack === this.pack) return;
    this.pack = pack;
    this.host.requestUpdate();
  };
}
