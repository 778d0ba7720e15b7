// The learner's processes as the agent sees them: how loaded the learner's cgroup is (to notice a fork
// bomb) and the way out of one (kill everything in that cgroup except the login shells). The agent's
// reading of the counters, the stop's guest script, and their parsers; no DOM, no timers. The script runs
// in the agent's own cgroup, which a fork bomb in the learner's cannot starve.
import { outputText, type GuestAgent, type GuestReadings } from "../vm/agent-client.ts";

/** Where the guest's init puts every learner shell (images/rootfs/overlay/etc/init.d/rcS). */
export const LEARNER_CGROUP = "/sys/fs/cgroup/learner";

/** One reading of the learner cgroup's counters. */
export interface LearnerLoad {
  /** pids.current: processes (and threads) in the learner's cgroup and below. */
  readonly processes: number;
  /** pids.max, or undefined when it is "max". */
  readonly limit: number | undefined;
  /** pids.events "max": how often a fork was refused because the limit was reached. */
  readonly forkRefusals: number;
  /** memory.events "oom_kill": processes the OOM killer ended inside the cgroup. */
  readonly oomKills: number;
}

export function parseLearnerLoad(text: string): LearnerLoad {
  const fields = new Map<string, string>();
  for (const line of text.split("\n")) {
    const [key, value] = line.trim().split(/\s+/);
    if (key && value !== undefined) fields.set(key, value);
  }
  const number = (key: string): number => {
    const value = Number(fields.get(key));
    if (!Number.isFinite(value)) throw new Error(`the learner cgroup's ${key} is missing from: ${text}`);
    return value;
  };
  const limit = fields.get("limit");
  return {
    processes: number("processes"),
    limit: limit === undefined || limit === "max" ? undefined : number("limit"),
    forkRefusals: number("pids.max"),
    oomKills: Number(fields.get("memory.oom_kill") ?? 0),
  };
}

/** More processes than any lesson starts: past this, steady growth is a fork bomb on its way. */
export const MANY_PROCESSES = 100;

/**
 * Whether the learner's processes are running away: close to the process limit, forks refused since
 * the previous reading while the group is at least half full, or past MANY_PROCESSES and still growing
 * (on a busy host a fork bomb takes a minute to reach the limit, and the shell is starved long before).
 * A lesson that caps a group of its own at 5 processes comes near none of these. Without a limit
 * nothing counts as runaway here.
 */
export function isRunaway(previous: LearnerLoad | undefined, current: LearnerLoad): boolean {
  if (current.limit === undefined) return false;
  if (current.processes >= current.limit * 0.75) return true;
  const refusedSince = previous ? current.forkRefusals - previous.forkRefusals : 0;
  if (refusedSince > 0 && current.processes >= current.limit / 2) return true;
  const grown = previous ? current.processes - previous.processes : 0;
  return current.processes >= MANY_PROCESSES && grown >= 5;
}

/** Where the stop parks the login shells while it empties the learner's cgroup (a sibling, unlimited). */
export const SPARED_SHELLS_CGROUP = "/sys/fs/cgroup/learner-spared";

/**
 * Empties the learner's cgroup except for the login shells, with the kernel's own `cgroup.kill`, which
 * kills the whole group and below in one go, forks in flight included (a freeze-list-kill walk let a bomb
 * that forked between the listing and the kill grow back). In order: freeze the group (so the list of
 * names is the group's at one moment and nothing forks meanwhile), park the login shells in a sibling
 * group, kill the group, wait until it is empty and its processes reaped, thaw it and bring the shells
 * back. A login shell is a session leader with a terminal: init starts one per console with setsid; a fork
 * bomb's processes belong to the shell's session, and a `setsid` daemon has no terminal. Prints
 * `kept PID NAME` once per login shell and `killed NAME` per process killed. The script runs in the agent's cgroup, so its own forks
 * are not refused while the bomb holds every process slot of the learner's.
 */
export const STOP_RUNAWAY_SCRIPT = `cg=${LEARNER_CGROUP}
spared=${SPARED_SHELLS_CGROUP}
[ -d $cg ] || { echo "there is no $cg" >&2; exit 2; }
[ -e $cg/cgroup.kill ] || { echo "this kernel has no cgroup.kill" >&2; exit 2; }
mkdir -p $spared
echo 1 > $cg/cgroup.freeze
tries=0
while [ $tries -lt 500 ]; do
  frozen=0
  while read -r key value; do [ "$key" = frozen ] && frozen=$value; done < $cg/cgroup.events
  [ "$frozen" = 1 ] && break
  tries=$((tries + 1))
  sleep 0.02
done
# Each list is read whole before anything moves: moving a shell out shifts a cgroup.procs being read.
for procs in $(find $cg -name cgroup.procs); do
  for pid in $(cat $procs); do
    read -r stat 2>/dev/null < /proc/$pid/stat || continue
    name=\${stat#*(}
    name=\${name%)*}
    set -- \${stat##*) }
    [ "$1" = Z ] && continue
    if [ "$procs" = $cg/cgroup.procs ] && [ "$4" = "$pid" ] && [ "$5" != 0 ]; then
      echo $pid > $spared/cgroup.procs && echo "kept $pid $name"
      continue
    fi
    echo "killed $name"
  done
done
echo 1 > $cg/cgroup.kill
tries=0
while [ $tries -lt 1500 ]; do
  populated=1
  while read -r key value; do [ "$key" = populated ] && populated=$value; done < $cg/cgroup.events
  [ "$populated" = 0 ] && break
  tries=$((tries + 1))
  sleep 0.02
done
# The group is empty once its processes have exited, but pids.current counts them until they are reaped
# (busybox init reaps orphans up to a second late): wait for that too, or the next reading still sees a
# full group.
tries=0
while [ $tries -lt 250 ]; do
  read -r current < $cg/pids.current
  [ "$current" = 0 ] && break
  tries=$((tries + 1))
  sleep 0.02
done
echo 0 > $cg/cgroup.freeze
# The shells (and anything they started meanwhile) go home, and the parking group goes.
for pass in 1 2 3; do
  for pid in $(cat $spared/cgroup.procs); do echo $pid > $cg/cgroup.procs; done
  rmdir $spared 2>/dev/null && break
done
[ "$populated" = 0 ] || { echo "the learner's cgroup did not empty after cgroup.kill" >&2; exit 1; }
exit 0`;

/** What a stop did: the login shells it spared and the processes it killed, counted by name. */
export interface StopReport {
  readonly keptShells: number;
  readonly killed: number;
  /** Process names with how many of each were killed, most first. */
  readonly killedByName: readonly (readonly [name: string, count: number])[];
}

export function parseStopReport(text: string): StopReport {
  let keptShells = 0;
  const counts = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line.startsWith("kept ")) keptShells++;
    else if (line.startsWith("killed ")) {
      const name = line.slice("killed ".length);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const killedByName = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { keptShells, killed: killedByName.reduce((sum, [, count]) => sum + count, 0), killedByName };
}

/** The agent reads the counters itself: under a fork bomb every fork counts, and a shell would starve. */
export async function readLearnerLoad(agent: GuestReadings, timeoutMs = 10_000): Promise<LearnerLoad> {
  const result = await agent.read({ name: "cgroup-load", cgroup: LEARNER_CGROUP }, { timeoutMs });
  if (result.exitCode !== 0) throw new Error(`reading the learner cgroup failed: ${outputText(result.stderr)}`);
  return parseLearnerLoad(outputText(result.stdout));
}

/**
 * Whether the learner's processes are running away right now, by isRunaway() over two readings (one when
 * the first already shows a full group, or too few processes to matter): what the runaway banner would
 * say, for code that cannot wait for the banner's steady readings (a save).
 */
export async function learnerRunawayNow(agent: GuestReadings, recheckMs = 1000): Promise<boolean> {
  const first = await readLearnerLoad(agent, 5000);
  if (isRunaway(undefined, first)) return true;
  if (first.limit === undefined || first.processes < MANY_PROCESSES) return false;
  await new Promise((resolve) => setTimeout(resolve, recheckMs));
  return isRunaway(first, await readLearnerLoad(agent, 5000));
}

export async function stopRunawayProcesses(agent: GuestAgent): Promise<StopReport> {
  const result = await agent.run(STOP_RUNAWAY_SCRIPT, { timeoutMs: 120_000 });
  if (result.exitCode !== 0) {
    const how = result.signal ? `signal ${result.signal}` : `exit code ${result.exitCode}`;
    throw new Error(`stopping the learner's processes failed (${how}): ${outputText(result.stderr)}`);
  }
  return parseStopReport(outputText(result.stdout));
}
