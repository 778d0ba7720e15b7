// The course (every exercise, the course's then the packs') as a service: <lab-app> provides what the
// page was built with (src/main.ts), elements consume it, and a test can provide other content.
import { createContext } from "@lit/context";
import type { Exercise } from "../exercises/model.ts";

export const courseContext = createContext<readonly Exercise[]>(Symbol("isolation-lab.course"));
