// One line per Ethernet frame that crossed the cable between the two VMs, so the learner sees what a
// ping is made of on the wire: an ARP question and answer, then ICMP echo requests and replies.

export interface FrameSummary {
  readonly protocol: "arp" | "icmp" | "ipv4" | "ipv6" | "other";
  /** e.g. "ARP who has 10.0.2.2? tell 10.0.2.1", "ICMP echo request 10.0.2.1 → 10.0.2.2". */
  readonly text: string;
  readonly bytes: number;
  readonly sourceMac: string;
  readonly destinationMac: string;
}

const mac = (frame: Uint8Array, at: number): string =>
  Array.from(frame.subarray(at, at + 6), (b) => b.toString(16).padStart(2, "0")).join(":");

const ipv4 = (frame: Uint8Array, at: number): string => Array.from(frame.subarray(at, at + 4)).join(".");

const u16 = (frame: Uint8Array, at: number): number => ((frame[at] ?? 0) << 8) | (frame[at + 1] ?? 0);

export function summarizeFrame(frame: Uint8Array): FrameSummary {
  const base = { bytes: frame.length, destinationMac: mac(frame, 0), sourceMac: mac(frame, 6) };
  if (frame.length < 14) return { ...base, protocol: "other", text: `runt frame (${frame.length} bytes)` };
  const type = u16(frame, 12);
  if (type === 0x0806 && frame.length >= 42) {
    const op = u16(frame, 20);
    const sender = ipv4(frame, 28);
    const target = ipv4(frame, 38);
    const text = op === 1 ? `ARP who has ${target}? tell ${sender}` : op === 2 ? `ARP ${sender} is at ${mac(frame, 22)}` : `ARP op ${op}`;
    return { ...base, protocol: "arp", text };
  }
  if (type === 0x0800 && frame.length >= 34) {
    const headerLength = ((frame[14] ?? 0) & 0x0f) * 4;
    const protocol = frame[23];
    const from = ipv4(frame, 26);
    const to = ipv4(frame, 30);
    if (protocol === 1 && frame.length >= 14 + headerLength + 1) {
      const icmpType = frame[14 + headerLength];
      const kind = icmpType === 8 ? "echo request" : icmpType === 0 ? "echo reply" : `type ${icmpType}`;
      return { ...base, protocol: "icmp", text: `ICMP ${kind} ${from} → ${to}` };
    }
    return { ...base, protocol: "ipv4", text: `IPv4 protocol ${protocol} ${from} → ${to}` };
  }
  if (type === 0x86dd) return { ...base, protocol: "ipv6", text: "IPv6 (the kernel's own neighbour discovery)" };
  return { ...base, protocol: "other", text: `EtherType 0x${type.toString(16).padStart(4, "0")}` };
}
