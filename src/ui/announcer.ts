// The page's one voice for screen readers: elements hand it what happened (a check passed, the step is
// done, the machine is ready) and <lab-announcer> speaks it through a single polite live region, so
// announcements neither interrupt the learner nor come from live regions scattered over the page.
// Provided to the elements through @lit/context.
import { createContext } from "@lit/context";
import { TypedEvents } from "../shared/typed-events.ts";

export class Announcer {
  readonly events = new TypedEvents<{ announce: string }>();

  announce(text: string): void {
    const message = text.trim();
    if (message) this.events.emit("announce", message);
  }
}

export const announcerContext = createContext<Announcer | undefined>(Symbol("isolation-lab.announcer"));
