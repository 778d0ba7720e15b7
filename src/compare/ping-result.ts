// A ping as the comparison reports it, read from what the guest's ping script printed.
import { parseFields, parseRtts } from "./guest-scripts.ts";

export interface PingResult {
  readonly from: string;
  readonly to: string;
  readonly rttsMs: readonly number[];
  readonly received: number;
  /** The MAC address the sender learned for the target (its neighbour entry). */
  readonly neighbour: string;
}

export function pingResult(from: string, to: string, stdout: string): PingResult {
  const f = parseFields(stdout);
  return { from, to, rttsMs: parseRtts(stdout), received: Number(f.get("received") ?? 0), neighbour: f.get("neighbour") ?? "" };
}
