// Fails fast, with the fix, when the guest image was never built: otherwise every test would wait for
// a machine that cannot start.
import { existsSync } from "node:fs";
import path from "node:path";

export default function globalSetup(): void {
  const manifest = path.resolve(import.meta.dirname, "..", "public", "guest", "manifest.json");
  if (!existsSync(manifest)) {
    throw new Error(`${manifest} is missing: build the guest image with \`bash images/build.sh\` (or \`npm start\`) first.`);
  }
}
