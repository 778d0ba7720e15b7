// Runs once before the guest tests: they need the built guest image, and without it every test would
// fail with a less helpful error of its own.
import { existsSync } from "node:fs";
import path from "node:path";
import { GUEST_DIR } from "../../images/node-asset-source.ts";

export default function setup(): void {
  const manifest = path.join(GUEST_DIR, "manifest.json");
  if (!existsSync(manifest)) {
    throw new Error(
      `The guest tests need the built guest image, but ${manifest} does not exist.\n` +
        "Build it with `bash images/build.sh` (about 5 minutes the first time, seconds when cached), then run the tests again.",
    );
  }
}
