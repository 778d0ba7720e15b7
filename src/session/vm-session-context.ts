// The VM session as a service: <lab-app> provides it, any element below consumes it with @consume.
import { createContext } from "@lit/context";
import type { VmSession } from "./vm-session.ts";

export const vmSessionContext = createContext<VmSession | undefined>(Symbol("isolation-lab.vm-session"));
