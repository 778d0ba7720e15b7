// Whether a CSS media query matches now, for an element whose behaviour (not only its look) changes
// with the screen: re-renders the host when the answer changes, and stops listening when it leaves.
import type { ReactiveController, ReactiveControllerHost } from "lit";

export class MediaQueryController implements ReactiveController {
  private list: MediaQueryList | undefined;
  matches = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly query: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof matchMedia === "undefined") return;
    this.list = matchMedia(this.query);
    this.matches = this.list.matches;
    this.list.addEventListener("change", this.onChange);
  }

  hostDisconnected(): void {
    this.list?.removeEventListener("change", this.onChange);
    this.list = undefined;
  }

  private readonly onChange = (event: MediaQueryListEvent): void => {
    this.matches = event.matches;
    this.host.requestUpdate();
  };
}
