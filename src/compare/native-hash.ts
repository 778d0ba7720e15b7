// The overhead workload run natively in the page: SHA-256 of zero bytes with Web Crypto (the browser's
// own compiled code, no emulation), timed. The guest computes the same digest, which proves the same
// work was done in all three places.
import { bytesToHex } from "../shared/bytes.ts";
import type { NativeHash } from "./measurements.ts";

export async function nativeHash(bytes: number): Promise<NativeHash> {
  const data = new Uint8Array(bytes);
  const started = performance.now();
  const digest = await crypto.subtle.digest("SHA-256", data);
  const ms = performance.now() - started;
  return { ms, digest: bytesToHex(new Uint8Array(digest)) };
}
