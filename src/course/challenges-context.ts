// The challenges (the course's, then the packs') as a service: <lab-app> provides what the page was built
// with (src/main.ts), the course panel and the report consume them, and a test can provide its own.
import { createContext } from "@lit/context";
import type { Challenge } from "../exercises/challenge-model.ts";

export const challengesContext = createContext<readonly Challenge[]>(Symbol("isolation-lab.challenges"));
