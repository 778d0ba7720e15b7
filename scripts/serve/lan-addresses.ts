// The addresses students type: every IPv4 address of this machine's network interfaces except loopback.
import { networkInterfaces, type NetworkInterfaceInfo } from "node:os";

export interface LanAddress {
  readonly interfaceName: string;
  readonly address: string;
}

export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): LanAddress[] {
  const out: LanAddress[] = [];
  for (const [interfaceName, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family === "IPv4" && !info.internal) out.push({ interfaceName, address: info.address });
    }
  }
  return out;
}

/** The URLs to give out for a server listening on `host`:`port`. */
export function urlsFor(host: string, port: number, addresses: readonly LanAddress[]): string[] {
  if (host === "0.0.0.0" || host === "::") {
    return [`http://localhost:${port}/`, ...addresses.map((a) => `http://${a.address}:${port}/`)];
  }
  return [`http://${host.includes(":") ? `[${host}]` : host}:${port}/`];
}
