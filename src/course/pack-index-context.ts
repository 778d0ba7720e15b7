// The content packs' headings and their exercises (src/exercises/pack-sections.ts) as a service: <lab-app>
// provides what the page was built with (src/main.ts), the overview and the report group exercises by it.
import { createContext } from "@lit/context";
import type { PackIndexEntry } from "../exercises/pack-sections.ts";

export const packIndexContext = createContext<readonly PackIndexEntry[]>(Symbol("isolation-lab.pack-index"));
