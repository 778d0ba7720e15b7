// The saved-work service: <lab-app> provides it, the saved-work elements consume it.
import { createContext } from "@lit/context";
import type { SavedWork } from "./saved-work.ts";

export const savedWorkContext = createContext<SavedWork | undefined>(Symbol("isolation-lab.saved-work"));
