// Keeps the address and the course in step: a deep link (#/exercise/step, also one typed later or
// present when progress arrives) opens that place, and the address follows the learner so it can be
// copied and shared. An assignment's address (#/pack/<name>) stays as it is: it keeps the overview to
// that pack.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { ProgressStore } from "../course/progress-store.ts";
import { assignmentFromHash } from "../exercises/pack-sections.ts";
import { formatDeepLink, parseDeepLink, type LinkTarget } from "./deep-link.ts";

export interface DeepLinkSource {
  readonly progress: ProgressStore | undefined;
  readonly course: readonly LinkTarget[];
  readonly challenges: readonly { readonly id: string }[];
  /** Brings the course into sight (out from behind the comparison view, the drawer opened) for a link followed while the page is open. */
  readonly reveal?: () => void;
}

export class DeepLinkController implements ReactiveController {
  private followedFor: ProgressStore | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly source: () => DeepLinkSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener("hashchange", this.followLink);
  }

  hostDisconnected(): void {
    window.removeEventListener("hashchange", this.followLink);
  }

  hostUpdated(): void {
    const progress = this.source().progress;
    // New progress (the page's first, or another learner's store): the address it was opened with wins.
    if (progress !== this.followedFor) {
      this.followedFor = progress;
      if (progress && location.hash) this.follow();
    }
    const position = progress?.progress.position;
    if (position && assignmentFromHash(location.hash) === undefined && location.hash !== formatDeepLink(position)) {
      history.replaceState(null, "", formatDeepLink(position));
    }
  }

  /** Opens the place the address names; true when it named one. */
  private follow(): boolean {
    const { progress, course, challenges } = this.source();
    const position = parseDeepLink(location.hash, course, challenges);
    if (!position || !progress) return false;
    progress.setPosition(position);
    return true;
  }

  /** A link followed while the page is open: the learner asked to see that place, so show it. */
  private readonly followLink = (): void => {
    if (this.follow()) this.source().reveal?.();
  };
}
