// The scripts the comparison view runs through the guest agents, and the parsers for what they print.
// Every figure the view shows is measured by one of these in a real guest kernel; nothing is assumed.
// Scripts print "key value" lines; parseFields turns them into a map. No DOM here, so Node tests and
// the page share them.
import { COMPARE_CGROUP_NAME } from "../shared/guest-cgroups.ts";
import { bundleConfig, runtimeId } from "./container-bundle.ts";

/** Where the view keeps its containers in VM 1 (apart from the learner's own /var/lib/minirun). */
export const COMPARE_BASE = "/run/lab-compare";
/** Their cgroup parent: memory and pids limits per container, memory.current per container. */
export const COMPARE_CGROUP = `/sys/fs/cgroup/${COMPARE_CGROUP_NAME}`;
/** The containers' bridge, like docker0 but on its own subnet so the course's docker0 stays the learner's. */
export const CONTAINER_BRIDGE = "labcmp0";
export const CONTAINER_SUBNET = "10.99.0";
/** The two VMs' cable: VM 1 is .1 (the learner types it, see the exercise), VM 2 is .2 (set by the view). */
export const VM_SUBNET = "10.0.2";
export const VM1_ADDRESS = `${VM_SUBNET}.1`;
export const VM2_ADDRESS = `${VM_SUBNET}.2`;
/** Memory limit of each container: a memory hog inside one is killed by its own cgroup. */
export const CONTAINER_MEMORY_MAX = 24 * 1024 * 1024;
export const CONTAINER_PIDS_MAX = 64;
/** The overhead workload: SHA-256 of this many zero bytes (16 MB takes ~12 s in the emulator; 4 MB ~3 s). */
export const WORKLOAD_BYTES = 4 * 1024 * 1024;

/** The container image: busybox-static and links to the applets the view uses, nothing else. */
const IMAGE_APPLETS = "sh sleep ps cat uname hostname ip ping sha256sum head ls wc";
const STATIC_BUSYBOX = "/usr/lib/isolation-lab/busybox-static";

const NAME_PATTERN = /^c[1-9]$/;

/** Container names are c1..c9: short enough for a veth name, safe to put in a script. */
export function isContainerName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

function containerIndex(name: string): number {
  if (!isContainerName(name)) throw new Error(`not a container name: ${name}`);
  return Number(name.slice(1));
}

export function containerAddress(name: string): string {
  return `${CONTAINER_SUBNET}.${10 + containerIndex(name)}`;
}

/** Seconds (with fraction, bash's EPOCHREALTIME) to milliseconds, printed by awk outside the timing. */
const elapsed = (key: string): string =>
  `awk -v a="$t0" -v b="$t1" 'BEGIN { printf "${key} %.1f\\n", (b - a) * 1000 }'`;

/** Builds the image once ("pulling" it; not part of the start time) and prints its size. */
const ensureImage = `
image=${COMPARE_BASE}/image
if [ ! -x $image/bin/sh ]; then
  mkdir -p $image/bin $image/proc $image/tmp
  cp ${STATIC_BUSYBOX} $image/bin/busybox
  for a in ${IMAGE_APPLETS}; do ln -s busybox $image/bin/$a; done
fi
echo "image_bytes $(du -sb $image | cut -f1)"
`;

/**
 * Starts container NAME in VM 1 with crun, the guest's container runtime: an overlay root on the image,
 * a bundle (that root and a config.json with new PID/mount/UTS/IPC/network/cgroup namespaces and a cgroup
 * with memory and pids limits), then `crun run -d`, and a veth pair on the labcmp0 bridge. The start
 * time runs from the first mkdir to the moment the container's own first command runs (it writes into a
 * FIFO the script waits on), measured by the guest's clock: it includes all of crun's work.
 */
export function startContainerScript(name: string): string {
  const index = containerIndex(name);
  const address = containerAddress(name);
  const id = runtimeId(name);
  const config = bundleConfig(name, { memoryBytes: CONTAINER_MEMORY_MAX, pids: CONTAINER_PIDS_MAX });
  return `set -e
name=${name}
box=${COMPARE_BASE}/containers/$name
if [ -e $box ]; then echo "a container called $name already exists" >&2; exit 3; fi
${ensureImage}
t0=$EPOCHREALTIME
mkdir -p $box/upper $box/work $box/root
mount -t overlay overlay -o lowerdir=$image,upperdir=$box/upper,workdir=$box/work $box/root
mkfifo $box/root/ready
cat > $box/config.json <<'CONFIG'
${config}
CONFIG
# -d: crun returns once the container runs. setsid: the container is in no session of this script's
# (the agent ends a finished script's process group). In the background, so busybox's setsid makes the
# session without forking again, and $! is crun, whose status tells whether it started the container.
setsid crun run -d --bundle $box --pid-file $box/pid ${id} </dev/null >$box/runtime.log 2>&1 &
if ! wait $!; then echo "crun could not start the container:" >&2; cat $box/runtime.log >&2; exit 1; fi
exec 3<>$box/root/ready
if ! read -r -t 20 _ <&3; then echo "the container did not start:" >&2; cat $box/runtime.log >&2; exit 1; fi
t1=$EPOCHREALTIME
exec 3<&-
${elapsed("start_ms")}
rm -f $box/root/ready
# crun wrote the container's PID 1 (as VM 1 numbers it) into the pid file, without a newline: written
# again with one, so every later \`read\` of it succeeds.
read -r pid < $box/pid || [ -n "$pid" ]
echo $pid > $box/pid
# Its network: a veth pair, one end in the container as eth0, the other on the bridge.
if ! ip link show ${CONTAINER_BRIDGE} >/dev/null 2>&1; then
  ip link add ${CONTAINER_BRIDGE} type bridge
  ip addr add ${CONTAINER_SUBNET}.1/24 dev ${CONTAINER_BRIDGE}
  ip link set ${CONTAINER_BRIDGE} up
fi
ip link add vcmp-$name type veth peer name eth0 netns $pid
ip link set vcmp-$name master ${CONTAINER_BRIDGE} up
nsenter -t $pid -n ip addr add ${address}/24 dev eth0
nsenter -t $pid -n ip link set eth0 up
nsenter -t $pid -n ip link set lo up
echo "pid $pid"
echo "index ${index}"
echo "address ${address}"
echo "memory_current $(cat ${COMPARE_CGROUP}/$name/memory.current)"
`;
}

/** How a kernel sees itself: release, this boot's id, when it booted, how many processes it runs. */
export const KERNEL_IDENTITY = `
echo "kernel $(uname -r)"
echo "boot_id $(cat /proc/sys/kernel/random/boot_id)"
echo "btime $(awk '/^btime/ { print $2 }' /proc/stat)"
set -- /proc/[0-9]*
echo "procs $#"
`;

/**
 * VM 1's view of its containers: for each, what the container itself reports (kernel, boot id, its
 * process count inside its PID namespace, hostname), whether VM 1 sees its process, and memory.current.
 */
export const CONTAINERS_REPORT = `
for box in ${COMPARE_BASE}/containers/c*; do
  [ -f $box/pid ] || continue
  name=\${box##*/}
  read -r pid < $box/pid
  if [ -d /proc/$pid ]; then visible=1; else visible=0; fi
  inside=$(nsenter -t $pid -a -r -w /bin/sh -c 'echo "$(uname -r) $(cat /proc/sys/kernel/random/boot_id) $(ls -d /proc/[0-9]* | wc -l) $(hostname)"' 2>/dev/null || echo "- - 0 -")
  mem=$(cat ${COMPARE_CGROUP}/$name/memory.current 2>/dev/null || echo 0)
  oom=$(awk '$1 == "oom_kill" { print $2 }' ${COMPARE_CGROUP}/$name/memory.events 2>/dev/null || echo 0)
  echo "container $name $pid $visible $mem $oom $inside"
done
`;

export interface ContainerReport {
  readonly name: string;
  /** The container's PID 1, as VM 1 numbers it. */
  readonly pid: number;
  /** VM 1's /proc has the container's process. */
  readonly visibleToVm: boolean;
  readonly memoryCurrent: number;
  readonly oomKills: number;
  readonly kernel: string;
  readonly bootId: string;
  /** Processes the container sees (its own PID namespace). */
  readonly procs: number;
  readonly hostname: string;
}

export function parseContainers(stdout: string): ContainerReport[] {
  const reports: ContainerReport[] = [];
  for (const line of stdout.split("\n")) {
    const f = line.trim().split(/\s+/);
    if (f[0] !== "container" || f.length < 10) continue;
    reports.push({
      name: f[1]!,
      pid: Number(f[2]),
      visibleToVm: f[3] === "1",
      memoryCurrent: Number(f[4]),
      oomKills: Number(f[5]),
      kernel: f[6]!,
      bootId: f[7]!,
      procs: Number(f[8]),
      hostname: f[9]!,
    });
  }
  return reports;
}

/** The first value of each "key value" line (the rest of the line, trimmed). */
export function parseFields(stdout: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of stdout.split("\n")) {
    const match = /^([a-z_]+) (.*)$/.exec(line.trim());
    if (match && !fields.has(match[1]!)) fields.set(match[1]!, match[2]!.trim());
  }
  return fields;
}

export function numberField(fields: Map<string, string>, key: string): number {
  const value = Number(fields.get(key));
  if (!Number.isFinite(value)) throw new Error(`the guest did not report ${key}`);
  return value;
}

export function textField(fields: Map<string, string>, key: string): string {
  const value = fields.get(key);
  if (!value) throw new Error(`the guest did not report ${key}`);
  return value;
}

export interface KernelIdentity {
  readonly kernel: string;
  readonly bootId: string;
  /** When this kernel booted (seconds since the epoch, from /proc/stat). */
  readonly bootTime: number;
  readonly procs: number;
}

export function parseKernelIdentity(stdout: string): KernelIdentity {
  const f = parseFields(stdout);
  return {
    kernel: textField(f, "kernel"),
    bootId: textField(f, "boot_id"),
    bootTime: numberField(f, "btime"),
    procs: numberField(f, "procs"),
  };
}

/**
 * A process in VM 2 with a name nobody else has, so VM 1 can look for it. The pattern's bracket keeps
 * the searching script (whose own command line holds the pattern) from matching itself.
 */
export function markerScript(marker: string): string {
  // bash keeps any argv[0] (busybox would look for an applet of that name and exit).
  return `setsid bash -c "exec -a ${marker} bash -c 'while :; do sleep 100000; done'" </dev/null >/dev/null 2>&1 &
echo started`;
}

export function markerCountScript(marker: string): string {
  const pattern = `[${marker.slice(0, 1)}]${marker.slice(1)}`;
  return `set -- $(grep -l '${pattern}' /proc/[0-9]*/cmdline 2>/dev/null)
echo "count $#"`;
}

/** The same work everywhere: SHA-256 of WORKLOAD_BYTES zero bytes, with the same static busybox. */
const ensureWorkFile = `f=${COMPARE_BASE}/work.bin
mkdir -p ${COMPARE_BASE}
[ "$(stat -c %s $f 2>/dev/null)" = ${WORKLOAD_BYTES} ] || head -c ${WORKLOAD_BYTES} /dev/zero > $f`;

/**
 * Runs DIGEST (a command reading the work file on stdin) after SETUP, timed by the guest's clock, and
 * prints the digest and the milliseconds: the one template both the VM and the container run, so their
 * figures differ only by where the command runs.
 */
function timedDigestScript(setup: string, digest: string): string {
  return `set -e
${ensureWorkFile}
${setup}
t0=$EPOCHREALTIME
digest=$(${digest} < $f)
t1=$EPOCHREALTIME
set -- $digest
echo "digest $1"
${elapsed("ms")}
`;
}

export const VM_WORKLOAD = timedDigestScript(
  "# The same chain of process starts as in the container (bash, then busybox sh), minus nsenter.",
  `bash -c "exec ${STATIC_BUSYBOX} sh -c '${STATIC_BUSYBOX} sha256sum'"`,
);

/**
 * The same work inside container NAME: in its cgroup, all its namespaces and its root. The file comes
 * in as stdin, opened outside (like \`docker run -i\` < file), so both runs read the same tmpfs file.
 */
export function containerWorkloadScript(name: string): string {
  containerIndex(name);
  return timedDigestScript(
    `box=${COMPARE_BASE}/containers/${name}
read -r pid < $box/pid`,
    `bash -c "echo \\$\\$ > ${COMPARE_CGROUP}/${name}/cgroup.procs; exec nsenter -t $pid -a -r -w /bin/sh -c sha256sum"`,
  );
}

/** A memory hog in container NAME: a string that doubles until the cgroup's OOM killer ends it. */
export function memoryHogScript(name: string): string {
  containerIndex(name);
  return `box=${COMPARE_BASE}/containers/${name}
read -r pid < $box/pid
bash -c "echo \\$\\$ > ${COMPARE_CGROUP}/${name}/cgroup.procs; exec nsenter -t $pid -a -r -w /bin/sh -c 'a=0123456789abcdef; while :; do a=\\$a\\$a; done'" >/dev/null 2>&1
echo "status $?"
echo "oom_kill $(awk '$1 == "oom_kill" { print $2 }' ${COMPARE_CGROUP}/${name}/memory.events)"
`;
}

/** Gives VM 2's card its address (VM 1's is the learner's to set) and a hostname that says which it is. */
export const VM2_NETWORK_SETUP = `set -e
hostname vm2
ip addr add ${VM2_ADDRESS}/24 dev eth0
ip link set eth0 up
echo done
`;

/**
 * Pings ADDRESS from this machine, or from inside container FROM (over its veth, the bridge and the
 * other veth: all in one kernel); prints the round trips and the neighbour entry the ping left.
 */
export function pingScript(address: string, from?: string): string {
  let enter = "";
  let prelude = "";
  if (from !== undefined) {
    containerIndex(from);
    prelude = `read -r pid < ${COMPARE_BASE}/containers/${from}/pid\n`;
    enter = "nsenter -t $pid -n ";
  }
  return `${prelude}out=$(${enter}ping -c 3 -W 2 ${address} 2>&1); status=$?
echo "$out" | awk -F'time=' '/time=/ { split($2, t, " "); print "rtt " t[1] }'
echo "received $(echo "$out" | awk '/packets received/ { print $4 }')"
echo "neighbour $(${enter}ip neigh show ${address} | awk '{ print $5 }')"
echo "status $status"
`;
}

export function parseRtts(stdout: string): number[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("rtt "))
    .map((line) => Number(line.slice(4)))
    .filter((n) => Number.isFinite(n));
}

/**
 * Removes the view's containers (crun kills each one's processes and deletes its state and cgroup), their
 * veths and the bridge: VM 1 is left as the learner had it.
 */
export const REMOVE_CONTAINERS = `
for box in ${COMPARE_BASE}/containers/c*; do
  [ -d $box ] || continue
  name=\${box##*/}
  crun delete -f ${runtimeId("$name")} >/dev/null 2>&1
  ip link del vcmp-$name 2>/dev/null
  umount $box/root 2>/dev/null
  rmdir ${COMPARE_CGROUP}/$name 2>/dev/null
  rm -rf $box
done
ip link del ${CONTAINER_BRIDGE} 2>/dev/null
rmdir ${COMPARE_CGROUP} 2>/dev/null
true
`;
