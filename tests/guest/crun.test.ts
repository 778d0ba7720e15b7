// The OCI runtime in the guest (Debian's crun) and what a stock distribution gives a container runtime
// to work with: a bundle made by `crun spec` runs unmodified, a new network namespace holds only `lo`,
// and `ip netns exec` finds the /etc/resolv.conf it bind-mounts a per-namespace one over.
// Every test gets a fresh VM, so a bundle or namespace one leaves cannot affect another.
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

/** A bundle: rootfs/ is the registry's busybox image unpacked (its one layer), config.json from `crun spec`. */
const MAKE_BUNDLE = `set -e
b=$(mktemp -d /tmp/bundle.XXXXXX); mkdir $b/rootfs
layer=$(sed -n 's/.*layer.*"digest": *"sha256:\\([0-9a-f]*\\)".*/\\1/p' /var/lib/registry/blobs/sha256/$(sed -n 's/.*"digest": *"sha256:\\([0-9a-f]*\\)".*/\\1/p' /var/lib/registry/repositories/busybox/index.json))
gzip -dc /var/lib/registry/blobs/sha256/$layer | tar -xf - -C $b/rootfs
cd $b && crun spec`;

describe("crun", () => {
  it("runs an unmodified `crun spec` bundle: its caps, no_new_privs, a private /dev, a read-only root", async () => {
    const out = await shOk(
      vm,
      `${MAKE_BUNDLE}
       sed -i 's/"sh"/"sh", "-c", "grep -E \\\\"^(CapEff|CapBnd|NoNewPrivs|Seccomp):\\\\" \\/proc\\/self\\/status; ls \\/dev; touch \\/x 2>\\&1; hostname"/; s/"terminal": true/"terminal": false/' config.json
       crun run lesson1`,
      { timeoutMs: 60_000 },
    );
    // crun spec's three capabilities (CAP_AUDIT_WRITE, CAP_KILL, CAP_NET_BIND_SERVICE) and nothing else.
    expect(out).toMatch(/^CapEff:\s+0000000020000420$/m);
    expect(out).toMatch(/^CapBnd:\s+0000000020000420$/m);
    expect(out).toMatch(/^NoNewPrivs:\s+1$/m);
    // The standard nodes only, on a tmpfs of the container's own: none of the host's devices.
    for (const node of ["null", "zero", "full", "random", "urandom", "tty", "pts", "shm"]) {
      expect(out.split(/\s+/)).toContain(node);
    }
    expect(out).not.toMatch(/\bttyS0\b/);
    expect(out).toMatch(/Read-only file system/);
    expect(out.trim().split("\n").at(-1)).toBe("crun");
    // The run left nothing behind: the container is deleted when its process exits.
    expect(await shOk(vm, "crun list -q | wc -l")).toBe("0");
  });

  it("installs the device rules as an eBPF program and a seccomp filter from config.json", async () => {
    const out = await sh(
      vm,
      `${MAKE_BUNDLE}
       # A seccomp section that refuses mkdir (EPERM = errno 1), everything else allowed.
       sed -i 's/"linux": {/"linux": {"seccomp": {"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86"], "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]},/' config.json
       sed -i 's/"sh"/"sh", "-c", "grep Seccomp: \\/proc\\/self\\/status; mkdir \\/tmp\\/d; cat \\/dev\\/null \\&\\& echo null-ok"/; s/"terminal": true/"terminal": false/' config.json
       crun run lesson2`,
      { timeoutMs: 60_000 },
    );
    expect(out.stdout).toMatch(/^Seccomp:\s+2$/m);
    expect(out.stdout + out.stderr).toMatch(/mkdir: can't create directory '\/tmp\/d': Operation not permitted/);
    expect(out.stdout).toContain("null-ok");
  });
});

describe("a stock-looking network set-up", () => {
  it("a new network namespace holds only lo", async () => {
    expect(await shOk(vm, "unshare --net ip -o link | awk -F': ' '{print $2}'")).toBe("lo");
  });

  it("ip netns exec bind-mounts /etc/netns/NAME/resolv.conf over the host's", async () => {
    const out = await shOk(
      vm,
      `grep -c '^nameserver' /etc/resolv.conf
       ip netns add lesson
       mkdir -p /etc/netns/lesson
       echo 'nameserver 192.0.2.53' >/etc/netns/lesson/resolv.conf
       ip netns exec lesson cat /etc/resolv.conf
       grep -c 192.0.2.53 /etc/resolv.conf || true
       ip netns del lesson`,
    );
    expect(out).toBe("1\nnameserver 192.0.2.53\n0");
  });

  it("ss lists a listening socket with the process that owns it", async () => {
    const out = await shOk(
      vm,
      "nc -l -p 8099 </dev/null >/dev/null & for i in $(seq 100); do ss -ltn | grep -q ':8099 ' && break; sleep 0.1; done; ss -ltnp; kill $!",
    );
    expect(out).toMatch(/LISTEN.*:8099\b.*users:\(\("nc",pid=\d+/);
  });
});
