// The kernel features and tools the course's lessons rely on, each checked the way a lesson uses it.
// Every test gets a fresh VM (a restore takes well under a second), so what one creates (cgroups,
// mounts, links, firewall rules) cannot make another pass or fail.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { sh, shOk, startVm } from "./helpers.ts";

let vm: VirtualMachine;

beforeEach(async () => {
  vm = await startVm();
});

afterEach(async () => {
  await vm.dispose();
});

/** The namespace inode of `kind` for the agent's shell and for a command run under `unshare flags`. */
async function namespaceIds(kind: string, flags: string): Promise<[string, string]> {
  const out = await shOk(vm, `readlink /proc/self/ns/${kind}; unshare ${flags} readlink /proc/self/ns/${kind}`);
  const [outside, inside] = out.split("\n");
  expect(outside).toMatch(new RegExp(`^${kind}:\\[\\d+\\]$`));
  return [outside!, inside!];
}

describe("namespaces", () => {
  it("pid: the first process in a new PID namespace is PID 1", async () => {
    // With its own /proc, the namespace sees none of the host's processes (the agent, for one).
    expect(
      await shOk(vm, "unshare --pid --fork --mount-proc sh -c 'echo $$; pidof lab-agent || echo no-agent'; pidof lab-agent"),
    ).toMatch(/^1\nno-agent\n\d+$/);
    const [outside, inside] = await namespaceIds("pid", "--pid --fork");
    expect(inside).not.toBe(outside);
  });

  it("uts: a hostname set in a new UTS namespace stays there", async () => {
    expect(await shOk(vm, "unshare --uts sh -c 'hostname c1; hostname'; hostname")).toBe("c1\nlab");
  });

  it("ipc: a message queue made in a new IPC namespace is invisible outside", async () => {
    const out = await shOk(
      vm,
      "unshare --ipc sh -c 'ipcmk -Q >/dev/null && ipcs -q | grep -c ^0x'; ipcs -q | grep -c ^0x || true",
    );
    expect(out).toBe("1\n0");
    const [outside, inside] = await namespaceIds("ipc", "--ipc");
    expect(inside).not.toBe(outside);
  });

  it("mnt: a mount made in a new mount namespace does not propagate out", async () => {
    const out = await shOk(
      vm,
      `unshare --mount sh -c 'mount -t tmpfs lesson-tmpfs /mnt && grep -c lesson-tmpfs /proc/self/mounts'
       grep -c lesson-tmpfs /proc/self/mounts || true`,
    );
    expect(out).toBe("1\n0");
  });

  it("net: a new network namespace has its own links", async () => {
    const out = await shOk(
      vm,
      `unshare --net sh -c 'ip link add ns-veth0 type veth peer name ns-veth1 && ip -o link show ns-veth0 | wc -l'
       ip -o link show ns-veth0 2>/dev/null | wc -l`,
    );
    expect(out).toBe("1\n0");
    const [outside, inside] = await namespaceIds("net", "--net");
    expect(inside).not.toBe(outside);
  });

  it("user: an unprivileged user (uid 1000) becomes root in a new user namespace", async () => {
    const drop = "setpriv --reuid 1000 --regid 1000 --clear-groups";
    // Control: without the namespace, the dropped user really is 1000.
    expect(await shOk(vm, `${drop} id -u`)).toBe("1000");
    expect(await shOk(vm, `${drop} unshare --user --map-root-user id -u`)).toBe("0");
  });
});

describe("cgroup v2", () => {
  it("offers the cpu, memory and pids controllers", async () => {
    const controllers = (await shOk(vm, "cat /sys/fs/cgroup/cgroup.controllers")).split(" ");
    expect(controllers).toEqual(expect.arrayContaining(["cpu", "memory", "pids"]));
    expect(await shOk(vm, "awk '$2 == \"/sys/fs/cgroup\" { print $3 }' /proc/mounts")).toBe("cgroup2");
  });

  it("lets a child group set memory.max, cpu.max and pids.max, and enforces pids.max", async () => {
    const out = await shOk(
      vm,
      `g=/sys/fs/cgroup/lesson
       mkdir $g
       echo 50M >$g/memory.max
       echo "50000 100000" >$g/cpu.max
       echo 5 >$g/pids.max
       cat $g/memory.max $g/cpu.max $g/pids.max
       # A shell in the group cannot start more than 5 processes. (busybox sh: bash would retry a
       # failed fork for half a minute.)
       busybox sh -c 'echo $$ >'$g'/cgroup.procs; for i in 1 2 3 4 5 6 7 8; do sleep 1 & done; wait' 2>/dev/null
       cat $g/pids.events`,
    );
    const [memory, cpu, pids, events] = out.split("\n");
    expect(memory).toBe(String(50 * 1024 * 1024));
    expect(cpu).toBe("50000 100000");
    expect(pids).toBe("5");
    expect(events).toMatch(/^max [1-9]\d*$/);
  });
});

describe("filesystems", () => {
  it("mounts overlayfs and copies a changed file up, leaving the lower layer untouched", async () => {
    const out = await shOk(
      vm,
      `d=$(mktemp -d); mkdir $d/lower $d/upper $d/work $d/merged
       echo original >$d/lower/file
       mount -t overlay overlay -o lowerdir=$d/lower,upperdir=$d/upper,workdir=$d/work $d/merged
       echo changed >>$d/merged/file
       echo "lower: $(cat $d/lower/file | tr '\\n' ' ')"
       echo "upper: $(cat $d/upper/file | tr '\\n' ' ')"
       echo "merged: $(cat $d/merged/file | tr '\\n' ' ')"`,
    );
    expect(out).toBe("lower: original \nupper: original changed \nmerged: original changed");
  });

  it("pivot_root moves a new mount namespace onto a tmpfs root holding the static busybox", async () => {
    const out = await shOk(
      vm,
      `unshare --mount sh -c '
         set -e
         mount -t tmpfs container-root /mnt
         mkdir -p /mnt/bin /mnt/old-root
         cp /usr/lib/isolation-lab/busybox-static /mnt/bin/busybox
         cd /mnt
         pivot_root . old-root
         exec /bin/busybox sh -c "
           set -e
           /bin/busybox umount -l /old-root
           /bin/busybox rmdir /old-root
           /bin/busybox ls /
           /bin/busybox grep -c container-root /proc/self/mountinfo 2>/dev/null || /bin/busybox echo no-proc
         "
       '
       echo outside: $(ls / | grep -c usr)`,
    );
    // Inside: only the new root's contents ("bin"), /proc is not mounted there; outside: unchanged.
    expect(out).toBe("bin\nno-proc\noutside: 1");
  });
});

describe("networking", () => {
  it("creates a veth pair and attaches one end to a bridge", async () => {
    const out = await shOk(
      vm,
      `ip link add br-lab type bridge
       ip link add veth-host type veth peer name veth-ctr
       ip link set veth-host master br-lab
       ip link set br-lab up; ip link set veth-host up
       ip -o link show master br-lab | awk '{print $2}'
       ip -d -o link show veth-ctr | grep -o 'veth' | head -1`,
    );
    expect(out).toBe("veth-host@veth-ctr:\nveth");
  });

  it("accepts iptables MASQUERADE and DNAT rules in the nat table", async () => {
    const out = await shOk(
      vm,
      `iptables -t nat -A POSTROUTING -s 10.88.0.0/16 ! -o br-lab -j MASQUERADE
       iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.88.0.2:80
       iptables -t nat -S`,
    );
    expect(out).toContain("-A POSTROUTING -s 10.88.0.0/16 ! -o br-lab -j MASQUERADE");
    expect(out).toContain("-A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.88.0.2:80");
  });

  it("lists the nftables ruleset, including rules added with nft", async () => {
    const result = await sh(
      vm,
      `nft add table inet lesson
       nft add chain inet lesson input '{ type filter hook input priority 0; policy accept; }'
       nft add rule inet lesson input tcp dport 2222 counter drop
       nft list ruleset`,
    );
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("table inet lesson");
    expect(result.stdout).toMatch(/tcp dport 2222 counter packets \d+ bytes \d+ drop/);
  });
});
