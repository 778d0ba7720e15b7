// Where each learner shell is now, and which containers run, read by the agent from /proc (never from
// what the terminals show): a shell is "host" while the newest process of its terminal's foreground
// group shares init's UTS and PID namespaces, "container NAME" once it runs in others (NAME: the hostname
// there). A container is a process that is PID 1 of a PID namespace below the host's. The agent takes the
// reading itself (lab-agent.c's `places`); this is its parser. No DOM, no timers.
import { serialTtyNumber as ttyNumber } from "../exercises/terminal-parts.ts";
import { outputText, type GuestReadings } from "../vm/agent-client.ts";

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

export async function readWorkspaceStatus(agent: GuestReadings, ports: readonly number[]): Promise<WorkspaceStatus> {
  const result = await agent.read({ name: "places", ttys: ports.map(ttyNumber) }, { timeoutMs: 15_000 });
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
