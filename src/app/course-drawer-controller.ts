// The course as a drawer on tablets and phones: whether the window is narrow enough for it (the course
// then lies over a full-width terminal instead of beside it), whether it is open, and the keys: an
// opened drawer takes the keyboard focus, Escape in it closes it and gives the focus back to its button.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { MediaQueryController } from "../ui/media-query-controller.ts";

/** Windows narrower than this (tablets, phones) show the course as a drawer over a full-width terminal. */
const DRAWER_QUERY = "(max-width: 1100px)";

export interface CourseDrawerParts {
  /** The drawer (the course panel) and the button that opens and closes it, when rendered. */
  readonly panel: () => HTMLElement | null | undefined;
  readonly button: () => HTMLElement | null | undefined;
}

export class CourseDrawerController implements ReactiveController {
  private readonly narrow: MediaQueryController;
  private opened = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly parts: CourseDrawerParts,
  ) {
    host.addController(this);
    this.narrow = new MediaQueryController(host, DRAWER_QUERY);
  }

  hostConnected(): void {}

  /** Whether the course is a drawer now (a narrow window) rather than a column beside the terminal. */
  get active(): boolean {
    return this.narrow.matches;
  }

  get open(): boolean {
    return this.active && this.opened;
  }

  toggle(open = !this.opened): void {
    this.opened = open;
    this.host.requestUpdate();
    if (open) void this.host.updateComplete.then(() => this.parts.panel()?.focus());
  }

  /** After the learner sent a command from the course: the terminal shows it, not the drawer. */
  close(): void {
    if (this.opened) this.toggle(false);
  }

  readonly onKey = (event: KeyboardEvent): void => {
    if (event.key !== "Escape" || !this.open || event.defaultPrevented) return;
    this.toggle(false);
    void this.host.updateComplete.then(() => this.parts.button()?.focus());
  };
}
