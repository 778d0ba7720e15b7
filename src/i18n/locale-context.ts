// The page's language as a service: <lab-app> provides it, elements below consume it.
import { createContext } from "@lit/context";
import type { Locale } from "../exercises/locales.ts";

export const localeContext = createContext<Locale>(Symbol("isolation-lab.locale"));
