// The progress store as a service: <lab-app> provides it, <lab-course> consumes it.
import { createContext } from "@lit/context";
import type { ProgressStore } from "./progress-store.ts";

export const progressContext = createContext<ProgressStore | undefined>(Symbol("isolation-lab.progress"));
