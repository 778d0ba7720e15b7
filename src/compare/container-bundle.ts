// The OCI runtime config (config.json) of the comparison view's containers. The view starts them with
// crun, the guest's one container runtime (the one minidock and exercise 21 use), so a learner who
// opens `crun list` during a comparison finds them there, and `crun state lab-compare-c1` describes one.
// The config is `crun spec`'s (its three capabilities, no_new_privs, masked and read-only paths), with a
// network namespace, a hostname, a cgroup and its limits, and only the mounts a sleeping shell needs.
import { COMPARE_CGROUP_NAME } from "../shared/guest-cgroups.ts";

/** A view's container as crun knows it: its id in `crun list` says who made it. */
export function runtimeId(name: string): string {
  return `lab-compare-${name}`;
}

export interface BundleLimits {
  readonly memoryBytes: number;
  readonly pids: number;
}

/**
 * config.json for container NAME: its PID 1 signals that it runs by writing into the FIFO /ready (the
 * start time ends there), then sleeps. The root is the bundle's `root` folder (the overlay the script
 * mounts); the cgroup is /lab-compare/NAME, which the course's checks leave out of the learner's processes.
 */
export function bundleConfig(name: string, limits: BundleLimits): string {
  const capabilities = ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"];
  const config = {
    ociVersion: "1.0.0",
    process: {
      terminal: false,
      user: { uid: 0, gid: 0 },
      args: ["/bin/sh", "-c", "echo > /ready; exec sleep 100000000"],
      env: ["PATH=/bin"],
      cwd: "/",
      capabilities: { bounding: capabilities, effective: capabilities, permitted: capabilities },
      noNewPrivileges: true,
    },
    root: { path: "root", readonly: false },
    hostname: name,
    mounts: [
      { destination: "/proc", type: "proc", source: "proc" },
      { destination: "/dev", type: "tmpfs", source: "tmpfs", options: ["nosuid", "strictatime", "mode=755", "size=65536k"] },
      { destination: "/sys", type: "sysfs", source: "sysfs", options: ["nosuid", "noexec", "nodev", "ro"] },
    ],
    linux: {
      cgroupsPath: `/${COMPARE_CGROUP_NAME}/${name}`,
      resources: {
        memory: { limit: limits.memoryBytes },
        pids: { limit: limits.pids },
        devices: [{ allow: false, access: "rwm" }],
      },
      namespaces: ["pid", "network", "ipc", "uts", "mount", "cgroup"].map((type) => ({ type })),
      maskedPaths: ["/proc/kcore", "/proc/keys", "/proc/timer_list", "/proc/sched_debug", "/sys/firmware"],
      readonlyPaths: ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"],
    },
  };
  return JSON.stringify(config, null, 1);
}
