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
    window.addEventListener("hashchange", this.follow);
  }

  hostDisconnected(): void {
    window.removeEventListener("hashchange", this.follow);
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

  private readonly follow = (): void => {
    const { progress, course, challenges } = this.source();
    const position = parseDeepLink(location.hash, course, challenges);
    if (position && progress) progress.setPosition(position);
  };
}
