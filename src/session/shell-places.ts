// Where each learner shell is now, and which containers run, read by the agent from /proc (never from
// what the terminals show): a shell is "host" while its foreground program shares init's namespaces,
// "container NAME" once it runs in other namespaces (NAME: the hostname there). A container is a process
// that is PID 1 of a PID namespace below the host's. Guest script and parser only; no DOM, no timers.
import { serialTtyNumber as ttyNumber } from "../exercises/terminal-parts.ts";
import { outputText, type GuestAgent } from "../vm/agent-client.ts";

export type ShellPlace = { readonly kind: "host" } | { readonly kind: "container"; readonly name: string };

export interface ShellLineStatus {
  readonly port: number;
  /** The login shell's pid, or undefined when the line has no shell right now. */
  readonly shellPid: number | undefined;
  readonly place: ShellPlace;
}

export interface RunningContainer {
  /** Its first process, as the host numbers it. */
  readonly pid: number;
  /** The hostname inside it (minidock and the comparison view name it after the container). */
  readonly name: string;
}

export interface WorkspaceStatus {
  readonly lines: readonly ShellLineStatus[];
  readonly containers: readonly RunningContainer[];
}

/**
 * For each learner line: its login shell (the session leader on that tty) and the newest process of
 * the terminal's foreground process group, whose namespaces say where the learner is. Then every
 * process that is PID 1 of a PID namespace below the host's.
 */
export function workspaceStatusScript(ports: readonly number[]): string {
  const ttys = ports.map(ttyNumber).join(" ");
  return `cat /proc/[0-9]*/stat 2>/dev/null | awk -v ttys="${ttys}" '
BEGIN { split(ttys, list, " "); for (i in list) wanted[list[i]] = 1 }
{ pid = $1; rest = $0; sub(/^.*\\) /, "", rest); split(rest, f, " "); group[pid] = f[3]
  if (pid == f[4] && (f[5] in wanted)) { leader[f[5]] = pid; fg[f[5]] = f[6] } }
END { for (t in leader) { best = leader[t]; for (p in group) if (group[p] == fg[t] && p + 0 > best + 0) best = p; print t, leader[t], best } }' |
while read -r tty leader pid; do
  depth=$(awk '/^NSpid:/ { print NF - 1 }' /proc/$pid/status 2>/dev/null)
  if [ "$(readlink /proc/$pid/ns/uts)" = "$(readlink /proc/1/ns/uts)" ] && [ "\${depth:-1}" -le 1 ]; then
    echo "line $tty $leader host"
  else
    echo "line $tty $leader container $(nsenter -t $pid -u hostname 2>/dev/null)"
  fi
done
grep -H '^NSpid:' /proc/[0-9]*/status 2>/dev/null | awk 'NF >= 3 && $NF == 1 { split($1, a, "/"); print a[3] }' |
while read -r pid; do
  echo "container $pid $(nsenter -t $pid -u hostname 2>/dev/null)"
done
true`;
}

export function parseWorkspaceStatus(text: string, ports: readonly number[]): WorkspaceStatus {
  const found = new Map<number, ShellLineStatus>();
  const containers: RunningContainer[] = [];
  for (const line of text.split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === "line" && fields.length >= 4) {
      const port = Number(fields[1]) - ttyNumber(0);
      const name = fields.slice(4).join(" ") || "?";
      const place: ShellPlace = fields[3] === "container" ? { kind: "container", name } : { kind: "host" };
      found.set(port, { port, shellPid: Number(fields[2]), place });
    } else if (fields[0] === "container" && fields.length >= 2) {
      containers.push({ pid: Number(fields[1]), name: fields.slice(2).join(" ") || "?" });
    }
  }
  return {
    lines: ports.map((port) => found.get(port) ?? { port, shellPid: undefined, place: { kind: "host" } }),
    containers: containers.sort((a, b) => a.name.localeCompare(b.name) || a.pid - b.pid),
  };
}

export async function readWorkspaceStatus(agent: GuestAgent, ports: readonly number[]): Promise<WorkspaceStatus> {
  const result = await agent.run(workspaceStatusScript(ports), { timeoutMs: 15_000 });
  return parseWorkspaceStatus(outputText(result.stdout), ports);
}

/**
 * What the learner types to get a shell in a container: replace this login shell with one in all the
 * container's namespaces and its root (as `docker exec -it` does). When it exits, init starts a fresh
 * login shell on the line.
 */
export function containerShellCommand(container: RunningContainer): string {
  return `exec nsenter --target ${container.pid} --all --root --wd sh -l\n`;
}

/** Ends every process of a line's login session; init starts a fresh login shell on the line. */
export function restartShellScript(shellPid: number): string {
  return `for f in /proc/[0-9]*/stat; do
  read -r s 2>/dev/null < $f || continue
  set -- \${s##*) }
  if [ "$4" = ${shellPid} ]; then p=\${f#/proc/}; kill -9 \${p%/stat} 2>/dev/null; fi
done
true`;
}
