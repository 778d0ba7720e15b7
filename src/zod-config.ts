// Imported first by every page's entry: zod compiles fast parsers with `new Function` after probing
// whether eval is allowed. The lab's Content-Security-Policy forbids eval (scripts/serve/security-policy.ts),
// and the browser reports even that caught probe as a violation; jitless mode never probes.
import { z } from "zod";

z.config({ jitless: true });
