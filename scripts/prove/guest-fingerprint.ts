// The guest's state as text, to prove that running a step's checks changes nothing: processes,
// namespaces, cgroups, mounts, network, hostname, IPC, sysctls and files (with their contents), compared
// before and after.
// One probe for the guest tier (the course, the challenges) and the pack prover (npm run prove).
import { outputText } from "../../src/vm/agent-client.ts";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";

/** Everything a check could change, in a stable order (the fingerprint's own processes left out). */
export const FINGERPRINT_SCRIPT = String.raw`
echo "self $$"
echo "== stat"; cat /proc/[0-9]*/stat 2>/dev/null
echo "== cgroup"; grep -H '' /proc/[0-9]*/cgroup 2>/dev/null
echo "== ns"; ls -l /proc/[0-9]*/ns/* 2>/dev/null
echo "== root"; ls -l /proc/[0-9]*/root 2>/dev/null
echo "== mounts"; cat /proc/[0-9]*/mountinfo 2>/dev/null | sort -u
echo "== cgroups"; find /sys/fs/cgroup -type d | sort
grep -H '' /sys/fs/cgroup/*/cgroup.subtree_control /sys/fs/cgroup/*/*.max /sys/fs/cgroup/*/*/*.max 2>/dev/null
echo "== host"; hostname; ip -o link; ip -o addr; ip netns list 2>/dev/null; iptables-save 2>/dev/null | grep -v '^#'
echo "== ipc"; cat /proc/sysvipc/* 2>/dev/null
echo "== sysctl"; grep -r '' /proc/sys/vm /proc/sys/net/ipv4/ip_forward /proc/sys/kernel/domainname 2>/dev/null
echo "== files"; find /tmp /root /run /etc /var/lib /srv /usr/bin /usr/local -xdev 2>/dev/null | sort
echo "== contents"; find /tmp /root /run /etc /var/lib /srv /usr/local -xdev -type f 2>/dev/null | sort | xargs -r md5sum 2>/dev/null
md5sum /usr/bin/minirun /usr/bin/minidock /usr/bin/minidockd 2>/dev/null
`;

interface Proc {
  pid: string;
  ppid: string;
  session: string;
  comm: string;
}

function parseStat(line: string): Proc | undefined {
  const open = line.indexOf(" (");
  const close = line.lastIndexOf(") ");
  if (open < 0 || close < 0) return undefined;
  const fields = line.slice(close + 2).split(" ");
  return { pid: line.slice(0, open), comm: line.slice(open + 2, close), ppid: fields[1]!, session: fields[3]! };
}

/** The guest's state as text, without the probe's own processes and the kernel's threads. */
export async function fingerprint(vm: VirtualMachine): Promise<string> {
  const started = performance.now();
  // It reads and hashes every file a check could touch: minutes on a busy host.
  const result = await vm.agent.run(FINGERPRINT_SCRIPT, { timeoutMs: 180_000 });
  if (process.env.DEBUG_FINGERPRINT) console.log(`fingerprint: ${Math.round(performance.now() - started)} ms`);
  const text = outputText(result.stdout);
  const self = /^self (\d+)$/m.exec(text)?.[1];
  const procs = new Map<string, Proc>();
  for (const line of text.split("\n")) {
    const proc = /^\d+ \(/.test(line) ? parseStat(line) : undefined;
    if (proc) procs.set(proc.pid, proc);
  }
  const ignored = new Set([...procs.values()].filter((p) => p.session === self || p.pid === "2" || p.ppid === "2").map((p) => p.pid));
  const lines: string[] = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("self ")) continue;
    const proc = /^\d+ \(/.test(line) ? parseStat(line) : undefined;
    if (proc) {
      if (!ignored.has(proc.pid)) lines.push(`proc ${proc.pid} ${proc.ppid} ${proc.comm}`);
      continue;
    }
    const pid = /\/proc\/(\d+)\//.exec(line)?.[1];
    if (pid && ignored.has(pid)) continue;
    // Only what is listed matters, not when: drop the dates of `ls -l`.
    lines.push(line.replace(/\s+\w{3} [ \d]\d [\d:]{4,5}\s/, " "));
  }
  return lines.join("\n");
}

/** The first lines that differ between two fingerprints, for a failure message. */
export function fingerprintDiff(before: string, after: string, max = 8): string {
  const a = new Set(before.split("\n"));
  const b = new Set(after.split("\n"));
  const gone = [...a].filter((l) => !b.has(l)).map((l) => `- ${l}`);
  const added = [...b].filter((l) => !a.has(l)).map((l) => `+ ${l}`);
  return [...gone, ...added].slice(0, max).join("\n");
}
