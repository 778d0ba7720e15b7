// minidock, the small Docker in the guest (images/rootfs/overlay/usr/bin/minidock and minidockd) over
// the crun OCI runtime, used the way a Docker user would. One VM for the whole file: like a learner's
// session, each test builds on what the previous ones left (the daemon, pulled images, containers).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunOptions } from "../../src/vm/agent-client.ts";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { eventually, sh as shWithin, shOk as shOkWithin, startVm, waitUntil, type TextResult } from "./helpers.ts";

let vm: VirtualMachine;
let transcript = "";

beforeAll(async () => {
  vm = await startVm();
  vm.events.on("console", (bytes) => {
    transcript = (transcript + new TextDecoder().decode(bytes)).slice(-20_000);
  });
});

afterAll(async () => {
  await vm?.dispose();
});

const STATE = "/var/lib/minidock";
const LONG = { timeoutMs: 120_000 };
// Even a short minidock command starts dozens of programs, each slow on the emulated CPU: every guest
// command of this file gets the long timeout unless it names one.
const sh = (machine: VirtualMachine, script: string, options: RunOptions = LONG): Promise<TextResult> =>
  shWithin(machine, script, options);
const shOk = (machine: VirtualMachine, script: string, options: RunOptions = LONG): Promise<string> =>
  shOkWithin(machine, script, options);

/** The diff_ids of a local image's layers, bottom first (from its config, through its manifest). */
async function diffIdsOf(name: string, tag: string): Promise<string[]> {
  const out = await shOk(
    vm,
    `m=${STATE}/blobs/sha256/$(cut -d: -f2 ${STATE}/tags/${name}/${tag})
     c=$(sed -n 's/.*"config": {.*"digest": "sha256:\\([0-9a-f]*\\)".*/\\1/p' $m)
     sed -n '/diff_ids/,/]/p' ${STATE}/blobs/sha256/$c | grep -o 'sha256:[0-9a-f]*'`,
  );
  return out.split("\n").filter(Boolean);
}

interface ContainerInspect {
  State: { Status: string; Running: boolean; ExitCode: number; Pid: number };
  RestartCount: number;
  NetworkSettings: { IPAddress: string };
}

/** A container's inspect output, parsed. */
async function inspect(name: string): Promise<ContainerInspect> {
  const parsed = JSON.parse(await shOk(vm, `minidock inspect ${name}`)) as ContainerInspect[];
  return parsed[0]!;
}

/** /proc/self/status fields of a command run in a new container with OPTIONS. */
async function statusIn(options: string): Promise<Record<string, string>> {
  const out = await shOk(vm, `minidock run --rm ${options} busybox cat /proc/self/status`, LONG);
  return Object.fromEntries(out.split("\n").map((line) => line.split(/:\s+/) as [string, string]));
}

const MINIFILE = `FROM busybox
RUN echo "built on $(uname -r)" > /etc/build-info
COPY greeting.txt /app/greeting.txt
ENV GREETING=hello
WORKDIR /app
CMD cat /app/greeting.txt /etc/build-info
`;

// Every test starts several containers, and a start costs seconds on the emulated CPU (more on a busy host).
describe.sequential("minidock over crun", { timeout: 600_000 }, () => {
  it("the client needs the daemon, whose API is a unix socket (TCP only when asked, on loopback only)", async () => {
    const without = await sh(vm, "minidock images");
    expect(without.exitCode).toBe(1);
    expect(without.stderr).toContain("cannot connect to the minidock daemon at unix:///var/run/minidock.sock");
    // The API runs anything as root: a network address is refused, with the reason.
    const open = await sh(vm, "minidockd -H tcp://0.0.0.0:2375");
    expect(open.exitCode).toBe(1);
    expect(open.stderr).toContain("the API listens on this machine only");
    // TCP when asked, on a loopback address, as `dockerd -H tcp://...`.
    expect(await shOk(vm, "minidockd -H tcp://127.0.0.1:2375", LONG)).toMatch(/listening on tcp:\/\/127\.0\.0\.1:2375/);
    expect(await shOk(vm, "ss -ltnH | awk '{print $4}' | grep ':2375$'")).toBe("127.0.0.1:2375");
    expect(await shOk(vm, "minidock -H tcp://127.0.0.1:2375 version")).toContain("API on tcp://127.0.0.1:2375");
    expect(await shOk(vm, "minidockd --stop")).toMatch(/stopped/);
    // By default the socket: a file only root may open, and no TCP port at all.
    expect(await shOk(vm, "minidockd", LONG)).toMatch(/listening on unix:\/\/\/var\/run\/minidock\.sock/);
    expect(await shOk(vm, "stat -c '%F %a %U' /var/run/minidock.sock")).toBe("socket 660 root");
    expect(await shOk(vm, "ss -ltnH | grep -c ':2375$' || true")).toBe("0");
    // A daemon killed outright leaves its socket file behind: the client says why it cannot connect,
    // and the next minidockd takes the stale file's place.
    await shOk(vm, "kill -9 $(cat /run/minidockd.pid)");
    const stale = await sh(vm, "minidock images");
    expect(stale.exitCode).toBe(1);
    expect(stale.stderr).toContain("cannot connect to /var/run/minidock.sock: Connection refused");
    expect(await shOk(vm, "minidockd", LONG)).toMatch(/listening on unix:/);
    expect(await shOk(vm, "minidockd")).toMatch(/already running/);
    const version = await shOk(vm, "minidock version");
    expect(version).toContain("Runtime: crun version 1.8");
    expect(version).toContain(`kernel ${await shOk(vm, "uname -r")}`);
    expect(await shOk(vm, "minidock --help")).toContain("--restart no|always|unless-stopped|on-failure[:N]");
  });

  it("pull: fetches the manifest, config and layers over HTTP and keeps them under their digests", async () => {
    const pulled = await shOk(vm, "minidock pull busybox", LONG);
    expect(pulled).toMatch(/^latest: Pulling from busybox\n[0-9a-f]{12}: Pull complete\nDigest: sha256:[0-9a-f]{64}\n/);
    // Every blob is named by its sha256; the image ID is the config's digest.
    expect(await shOk(vm, `cd ${STATE}/blobs/sha256 && for f in *; do [ "$(sha256sum $f | cut -c1-64)" = $f ] || echo BAD; done; ls | wc -l`)).toBe("3");
    const images = await shOk(vm, "minidock images");
    const imageId = /^busybox +latest +([0-9a-f]{12}) /m.exec(images)?.[1];
    expect(imageId, images).toBeDefined();
    const [summary, config] = JSON.parse(await shOk(vm, "minidock inspect busybox")) as [
      { Id: string },
      { config: { Cmd: string[] } },
    ];
    expect(summary.Id).toMatch(new RegExp(`^sha256:${imageId}`));
    expect(config.config.Cmd).toEqual(["sh"]);
    const [diffId] = await diffIdsOf("busybox", "latest");
    expect(await shOk(vm, `[ -x ${STATE}/layers/${diffId!.slice(7)}/fs/bin/busybox ] && echo unpacked`)).toBe("unpacked");

    const bad = await sh(vm, "minidock pull Busy/Box:1");
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain("invalid reference format 'Busy/Box:1'");
    const missing = await sh(vm, "minidock pull lab/nothing");
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain("manifest for lab/nothing:latest not found in the registry 127.0.0.1:5000 (HTTP 404)");
  });

  it("run: PID 1 in its own namespaces, hostname, cgroup; the exit code comes back; ps and ps -a", async () => {
    const out = await shOk(vm, "minidock run --name once busybox sh -c 'hostname; echo $$; cat /proc/1/cgroup'", LONG);
    expect(out.split("\n")).toEqual(["once", "1", "0::/"]);
    const failed = await sh(vm, "minidock run --name fails busybox sh -c 'exit 3'", LONG);
    expect(failed.exitCode).toBe(3);
    expect(await shOk(vm, "minidock ps")).not.toMatch(/fails/);
    expect(await shOk(vm, "minidock ps -a")).toMatch(/Exited \(3\) +fails$/m);
    const taken = await sh(vm, "minidock run --name fails busybox true");
    expect(taken.exitCode).toBe(1);
    expect(taken.stdout).toContain('the container name "fails" is already in use');
    expect(await shOk(vm, "minidock rm once fails")).toBe("once\nfails");
  });

  it("applies Docker's security defaults, and --privileged, --cap-add/--cap-drop, no-new-privileges change them", async () => {
    const plain = await statusIn("");
    // The 14 default capabilities: chown dac_override fowner fsetid kill setgid setuid setpcap
    // net_bind_service net_raw sys_chroot mknod audit_write setfcap.
    expect(plain.CapEff).toBe("00000000a80425fb");
    expect(plain.CapBnd).toBe("00000000a80425fb");
    expect(plain.NoNewPrivs).toBe("0");
    expect(plain.Seccomp).toBe("2");
    const privileged = await statusIn("--privileged");
    expect(privileged.CapEff).toBe("000001ffffffffff");
    expect(privileged.Seccomp).toBe("0");
    expect((await statusIn("--cap-drop ALL --cap-add net_bind_service")).CapEff).toBe("0000000000000400");
    expect((await statusIn("--cap-drop CHOWN")).CapEff).toBe("00000000a80425fa");
    expect((await statusIn("--security-opt no-new-privileges")).NoNewPrivs).toBe("1");
    // A process exec'd into such a container gets it too (crun exec would not take it from config.json).
    await shOk(vm, "minidock run -d --name nnp --security-opt no-new-privileges busybox sleep 1000", LONG);
    expect(await shOk(vm, "minidock exec nnp grep NoNewPrivs /proc/self/status")).toMatch(/NoNewPrivs:\s+1/);
    await shOk(vm, "minidock rm -f nnp");

    // Masked and read-only /proc paths, a private /dev, mount and unshare refused without CAP_SYS_ADMIN.
    // (A multi-line script, as a learner pastes one: the client carries the newlines to the daemon.)
    expect(Number(await shOk(vm, "wc -c </proc/timer_list"))).toBeGreaterThan(0); // the host's timers
    const inside = await shOk(
      vm,
      `minidock run --rm busybox sh -c '
        wc -c </proc/timer_list
        (echo 1 >/proc/sys/kernel/domainname) 2>&1 | grep -o "Read-only file system"
        ls /dev | tr "\\n" " "; echo
        mount -t tmpfs t /mnt 2>&1
        unshare -n true 2>&1 | grep -o "Operation not permitted"'`,
      LONG,
    );
    expect(inside.split("\n")).toEqual([
      "0",
      "Read-only file system",
      // Docker's /dev without -t: the standard nodes, crun's core and fd links, no console.
      "core fd full mqueue null ptmx pts random shm stderr stdin stdout tty urandom zero ",
      "mount: permission denied (are you root?)", // busybox's words for EPERM
      "Operation not permitted",
    ]);
    // With CAP_SYS_ADMIN both the capability and the seccomp rule allow it.
    expect(await shOk(vm, "minidock run --rm --cap-add SYS_ADMIN busybox unshare -n true && echo ok", LONG)).toBe("ok");
    const config = await shOk(vm, "minidock run -d --name sec busybox sleep 1000 >/dev/null; cat /var/lib/minidock/containers/sec/config.json");
    for (const call of ['"keyctl"', '"add_key"', '"bpf"', '"kexec_load"', '"unshare"', '"setns"', '"mount"']) {
      expect(config).toContain(call);
    }
    expect(config).toContain('"maskedPaths"');
    await shOk(vm, "minidock rm -f sec", LONG);
  });

  it("-e -w -u, --read-only, and limits only when asked, in either case of unit", async () => {
    expect(
      await shOk(vm, "minidock run --rm -e A=1 -e B=two -w /tmp -u nobody busybox sh -c 'echo $A $B; pwd; id -u; id -g'", LONG),
    ).toBe("1 two\n/tmp\n65534\n65534");
    expect(await shOk(vm, "minidock run --rm -u 1000:1000 busybox id", LONG)).toBe("uid=1000 gid=1000 groups=1000");
    // --read-only: the image's files, /tmp included, cannot change; the tmpfs mounts (/dev/shm) still can.
    const readOnly = await sh(vm, "minidock run --rm --read-only busybox sh -c 'touch /x; echo root=$?; touch /tmp/y; echo tmp=$?; touch /dev/shm/z && echo shm=$?'", LONG);
    expect(readOnly.exitCode).toBe(0);
    expect(readOnly.stdout).toMatch(/touch: \/x: Read-only file system\nroot=1\n/);
    expect(readOnly.stdout).toMatch(/touch: \/tmp\/y: Read-only file system\ntmp=1\n/);
    expect(readOnly.stdout).toMatch(/\nshm=0\n$/);
    expect(await shOk(vm, "minidock run --rm busybox sh -c 'touch /x && echo writable'", LONG)).toBe("writable");
    await shOk(vm, "minidock run -d --name free busybox sleep 1000", LONG);
    await shOk(vm, "minidock run -d --name capped -m 32m --cpus 0.5 --pids-limit 10 busybox sleep 1000", LONG);
    await shOk(vm, "minidock run -d --name capped2 --memory 48M busybox sleep 1000", LONG);
    const limits = await shOk(
      vm,
      `cd /sys/fs/cgroup/minidock; cat free/memory.max free/pids.max free/cpu.max capped/memory.max capped/pids.max capped/cpu.max capped2/memory.max`,
    );
    expect(limits.split("\n")).toEqual(["max", "max", "max 100000", "33554432", "10", "50000 100000", "50331648"]);
    const bad = await sh(vm, "minidock run --memory lots busybox true");
    expect(bad.stdout).toContain("invalid memory size 'lots'");
    await shOk(vm, "minidock rm -f free capped capped2", LONG);
  });

  it("volumes: a host folder, and a named volume that outlives its container", async () => {
    await shOk(vm, "mkdir -p /root/shared && echo from-host > /root/shared/in");
    expect(
      await shOk(vm, "minidock run --rm -v /root/shared:/data busybox sh -c 'cat /data/in; echo from-container > /data/out'", LONG),
    ).toBe("from-host");
    expect(await shOk(vm, "cat /root/shared/out")).toBe("from-container");
    await shOk(vm, "minidock run --name writer -v notes:/notes busybox sh -c 'echo kept > /notes/n'", LONG);
    await shOk(vm, "minidock rm writer");
    expect(await shOk(vm, "minidock run --rm -v notes:/notes busybox cat /notes/n", LONG)).toBe("kept");
    // docker volume: listed with its folder, kept while a container uses it, then removed; no way out of volumes/.
    expect(await shOk(vm, "minidock volume ls")).toMatch(/^notes +\/var\/lib\/minidock\/volumes\/notes\/_data$/m);
    await shOk(vm, "minidock run --name holder -v notes:/notes busybox true", LONG);
    // (The daemon's errors reach the client in its answer, on standard output, with the exit code.)
    expect(await sh(vm, "minidock volume rm notes")).toMatchObject({ exitCode: 1, stdout: expect.stringContaining("volume notes is in use by container holder") });
    await shOk(vm, "minidock rm holder");
    expect(await shOk(vm, "minidock volume rm notes; ls /var/lib/minidock/volumes")).toBe("notes");
    expect((await sh(vm, "minidock volume rm ../containers")).stdout).toContain("invalid volume name");
    expect((await sh(vm, "minidock run --rm -v /root/shared:/data:ro busybox sh -c 'touch /data/x 2>&1'", LONG)).stdout).toContain(
      "Read-only file system",
    );
  });

  it("networking: docker0, a veth and an address per container, MASQUERADE, a published port, resolv.conf and hosts", async () => {
    await shOk(vm, "minidock pull lab/web", LONG);
    expect(await shOk(vm, "minidock run -d --name web -p 8080:80 lab/web", LONG)).toBe("web");
    const net = await inspect("web");
    expect(net.NetworkSettings.IPAddress).toBe("172.17.0.2");
    expect(await shOk(vm, "ip -4 -o addr show docker0 | awk '{print $4}'")).toBe("172.17.0.1/16");
    expect(await shOk(vm, "ip -o link show master docker0 | grep -c veth")).toBe("1");
    expect(await shOk(vm, "iptables -t nat -S POSTROUTING")).toContain("-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE");
    expect(await shOk(vm, "iptables -t nat -S PREROUTING")).toContain("--dport 8080 -j DNAT --to-destination 172.17.0.2:80");
    // The published port answers on the host's address (here the bridge's), the container's on its own.
    await eventually(
      async () => (await sh(vm, "wget -q -O - http://172.17.0.1:8080/")).stdout.includes("Hello from a container"),
      60_000,
      "the published port answers",
    );
    expect(await shOk(vm, "wget -q -O - http://172.17.0.2/")).toContain("Hello from a container");
    const files = await shOk(vm, "minidock exec web sh -c 'cat /etc/resolv.conf; cat /etc/hosts; hostname; ip -o -4 addr show eth0'");
    expect(files).toContain("nameserver 10.0.2.3");
    expect(files).toMatch(/^172\.17\.0\.2\tweb$/m);
    expect(files).toMatch(/^web$/m);
    expect(files).toContain("inet 172.17.0.2/16");
    // busybox httpd -v logs each answer: the client's address and the status.
    expect(await shOk(vm, "minidock logs web")).toMatch(/\]:\d+: response:200$/m);
    expect(await shOk(vm, "minidock ps")).toMatch(/lab\/web:latest +"httpd -f -v -p 80 -u .*Up +0\.0\.0\.0:8080->80\/tcp +web$/m);
  });

  it("the daemon's API and the registry answer on the loopback only, not from another machine", async () => {
    // Another machine on the network, as VM 2 is to this guest: a network namespace with its own veth,
    // 10.99.0.2, routed through this machine (10.99.0.1).
    await shOk(
      vm,
      `ip netns add outside && ip link add vout type veth peer name eth0 netns outside &&
       ip addr add 10.99.0.1/24 dev vout && ip link set vout up &&
       ip -n outside addr add 10.99.0.2/24 dev eth0 && ip -n outside link set eth0 up && ip -n outside link set lo up &&
       ip -n outside route add default via 10.99.0.1`,
    );
    const fromOutside = (target: string): Promise<TextResult> =>
      sh(vm, `ip netns exec outside timeout 10 bash -c 'exec 3<>/dev/tcp/${target} && echo connected' 2>&1`);
    try {
      // It reaches this machine: the port published with -p answers (DNAT to the web container).
      // (bash's /dev/tcp as the HTTP client: busybox wget crashes when it exits under `ip netns exec` here.)
      const page = await shOk(
        vm,
        `ip netns exec outside timeout 10 bash -c 'exec 3<>/dev/tcp/10.99.0.1/8080 && printf "GET / HTTP/1.0\\r\\n\\r\\n" >&3 && cat <&3'`,
      );
      expect(page).toContain("Hello from a container");
      // The daemon listens on no TCP port and the registry on 127.0.0.1: every other address refuses.
      for (const target of ["10.99.0.1/2375", "172.17.0.1/2375", "10.99.0.1/5000", "172.17.0.1/5000"]) {
        const attempt = await fromOutside(target);
        expect(attempt.stdout, target).toContain("Connection refused");
        expect(attempt.stdout, target).not.toContain("connected");
      }
      const client = await sh(vm, "ip netns exec outside minidock -H 10.99.0.1:2375 ps");
      expect(client.exitCode).toBe(1);
      expect(client.stderr).toContain("cannot connect to the minidock daemon at tcp://10.99.0.1:2375");
      // On this machine, through the socket, the same client gets its answer.
      expect(await shOk(vm, "minidock ps")).toMatch(/ web$/m);
    } finally {
      await shOk(vm, "ip netns del outside");
    }
  });

  it("exec and exec -it: the container's namespaces, interactive on a terminal", async () => {
    expect(await shOk(vm, "minidock exec web sh -c 'hostname; cat /proc/1/cmdline | tr \"\\0\" \" \"'")).toBe(
      "web\nhttpd -f -v -p 80 -u www -h /var/www",
    );
    expect(await shOk(vm, "echo 'echo piped; exit 4' | minidock exec -i web sh; echo code=$?")).toBe("piped\ncode=4");
    // docker top: the container's processes with the host's PIDs (its PID 1, httpd, is not 1 here).
    const top = await shOk(vm, "minidock top web");
    expect(top.split("\n")[0]).toMatch(/PID +PPID +USER +COMMAND/);
    expect(top).toMatch(new RegExp(`^ *${(await inspect("web")).State.Pid} .*httpd -f -v -p 80`, "m"));
    // On the learner's console (a real terminal): a shell in the container, then back.
    vm.sendConsole("minidock exec -it web sh\n");
    // busybox sh's prompt in the image's WorkingDir, then its line editor asks the terminal where the
    // cursor is (ESC [ 6 n), which a terminal answers and this test's console does not.
    const cursorQuery = `${String.fromCharCode(27)}[6n`;
    await waitUntil(() => /\/var\/www # $/.test(transcript.replaceAll(cursorQuery, "")), 60_000, "the container's prompt");
    vm.sendConsole("hostname\n");
    await waitUntil(() => /\nweb\r?\n/.test(transcript), 30_000, "hostname inside");
    // What is typed before the host's prompt is back still goes to the container, as with docker exec.
    transcript = "";
    vm.sendConsole("exit 5\n");
    await waitUntil(() => transcript.includes("root@lab"), 30_000, "the host's prompt after exit");
    vm.sendConsole("echo exec-code=$?\n");
    await waitUntil(() => /exec-code=5/.test(transcript), 30_000, "the exit code after exec -it");
    const stopped = await sh(vm, "minidock exec nosuch true");
    expect(stopped.stdout).toBe("Error: No such container: nosuch\n");
  });

  it("logs, stop (SIGTERM, then SIGKILL after the grace period), kill, pause/unpause, restart policies, rm", async () => {
    const nosuch = await sh(vm, "minidock logs nosuch");
    expect(nosuch.exitCode).toBe(1);
    expect(nosuch.stdout).toBe("Error: No such container: nosuch\n");
    // A PID 1 with a SIGTERM handler stops at once with its own code; `sleep` ignores SIGTERM.
    await shOk(vm, `minidock run -d --name polite busybox sh -c 'trap "echo bye; exit 0" TERM; while :; do sleep 1; done'`, LONG);
    await shOk(vm, "minidock run -d --name stubborn busybox sleep 1000", LONG);
    expect(await shOk(vm, "minidock stop polite; minidock stop -t 2 stubborn")).toBe("polite\nstubborn");
    expect(await shOk(vm, "minidock logs polite")).toBe("bye");
    const exited = await shOk(vm, "minidock ps -a");
    expect(exited).toMatch(/Exited \(0\) +polite$/m);
    expect(exited).toMatch(/Exited \(137\) +stubborn$/m);
    await shOk(vm, "minidock run -d --name victim busybox sleep 1000", LONG);
    expect(await shOk(vm, "minidock kill victim")).toBe("victim");
    await eventually(async () => (await inspect("victim")).State.ExitCode === 137, 30_000, "victim exits with 137");

    await shOk(vm, "minidock pause web");
    expect(await shOk(vm, "cat /sys/fs/cgroup/minidock/web/cgroup.freeze; minidock ps")).toMatch(/^1\n[\s\S]*Up \(Paused\)/);
    expect((await sh(vm, "minidock exec web true")).stdout).toContain("is paused");
    await shOk(vm, "minidock unpause web");
    expect(await shOk(vm, "cat /sys/fs/cgroup/minidock/web/cgroup.freeze")).toBe("0");

    await shOk(vm, "minidock run -d --name flaky --restart on-failure:2 busybox sh -c 'echo try; exit 1'", LONG);
    await eventually(async () => (await inspect("flaky")).RestartCount === 2 && !(await inspect("flaky")).State.Running, 60_000, "two restarts");
    expect(await shOk(vm, "minidock logs flaky")).toBe("try\ntry\ntry");
    // A stop cancels the restarts of an `always` container, also while its shim waits between runs
    // (a container that exits at once spends most of its time there).
    await shOk(vm, "minidock run -d --name bouncer --restart always busybox sh -c 'echo bounce; exit 1'", LONG);
    await eventually(async () => (await inspect("bouncer")).RestartCount >= 1, 60_000, "a first restart");
    await shOk(vm, "minidock stop bouncer", LONG);
    const stoppedAt = (await inspect("bouncer")).RestartCount;
    await shOk(vm, "sleep 3");
    expect(await inspect("bouncer")).toMatchObject({ RestartCount: stoppedAt, State: { Running: false } });
    await shOk(vm, "minidock rm bouncer");
    await shOk(vm, "minidock run --rm --name gone busybox true", LONG);
    expect(await shOk(vm, `ls ${STATE}/containers`)).not.toContain("gone");

    const running = await sh(vm, "minidock rm web");
    expect(running.stdout).toContain("cannot remove container web: it is running");
    expect(await shOk(vm, "minidock rm -f web polite stubborn victim flaky", LONG)).toBe("web\npolite\nstubborn\nvictim\nflaky");
    expect(await shOk(vm, `grep -c ' ${STATE}/containers/' /proc/mounts || true; ls /run/netns | wc -l; iptables -t nat -S | grep -c DNAT || true`)).toBe(
      "0\n0\n0",
    );
  });

  it("build: each RUN/COPY a layer, the cache, the same content gives the same digest, COPY stays in its context", async () => {
    await shOk(vm, `mkdir -p /root/hello && cd /root/hello && echo 'hello' > greeting.txt && cat > Minifile <<'EOF'\n${MINIFILE}EOF`);
    const first = await shOk(vm, "cd /root/hello && minidock build -t lab/hello .", LONG);
    expect(first).not.toContain("Using cache");
    expect(first).toMatch(/Successfully tagged lab\/hello:latest$/);
    const built = await diffIdsOf("lab/hello", "latest");
    expect(built).toHaveLength(3);
    expect(await shOk(vm, "minidock run --rm lab/hello sh -c 'cat greeting.txt /etc/build-info; pwd; echo $GREETING'", LONG)).toMatch(
      /^hello\nbuilt on 6\.[^\n]*\n\/app\nhello$/,
    );
    const manifest = await shOk(vm, `cat ${STATE}/tags/lab/hello/latest`);
    const again = await shOk(vm, "cd /root/hello && minidock build -t lab/hello .", LONG);
    expect(again.match(/Using cache/g)).toHaveLength(2);
    // Without the cache, the layers are made again, byte for byte the same: the same digests.
    await shOk(vm, `rm -r ${STATE}/build-cache && cd /root/hello && touch greeting.txt && minidock build -t lab/hello .`, LONG);
    expect(await shOk(vm, `cat ${STATE}/tags/lab/hello/latest`)).toBe(manifest);

    const changed = await shOk(vm, "cd /root/hello && echo 'hello again' > greeting.txt && minidock build -t lab/hello:v2 .", LONG);
    expect(changed).toMatch(/Step 2\/6 : RUN .*\n ---> Using cache\n/);
    const v2 = await diffIdsOf("lab/hello", "v2");
    expect(v2.slice(0, 2)).toEqual(built.slice(0, 2));
    expect(v2[2]).not.toBe(built[2]);

    const escape = await sh(vm, "mkdir -p /root/esc/ctx && cd /root/esc/ctx && printf 'FROM busybox\\nCOPY ../../../etc/shadow /s\\n' > Minifile && minidock build -t lab/esc .");
    expect(escape.exitCode).toBe(1);
    expect(escape.stdout).toContain("COPY failed: ../../../etc/shadow is not a file or folder inside the build context");
    const broken = await sh(vm, "mkdir -p /root/broken && cd /root/broken && printf 'FROM busybox\\nRUN exit 7\\n' > Minifile && minidock build -t lab/broken .");
    expect(broken.exitCode).toBe(1);
    expect(broken.stdout).toContain("returned a non-zero code: 7");
  });

  it("commit: the upper layer, its whiteout as an OCI .wh. file, on top of the image", async () => {
    await shOk(vm, `minidock run --name note busybox sh -c 'echo "my layer" > /etc/note; rm /bin/vi'`, LONG);
    expect(await shOk(vm, "minidock commit note lab/note:v1")).toMatch(/^sha256:[0-9a-f]{64}$/);
    const layers = await diffIdsOf("lab/note", "v1");
    expect(layers).toHaveLength(2);
    expect(layers[0]).toBe((await diffIdsOf("busybox", "latest"))[0]);
    const listing = await shOk(vm, `tar -tvzf ${STATE}/blobs/sha256/$(minidock history -q lab/note:v1 | head -n 1)`);
    expect(listing).toMatch(/ bin\/\.wh\.vi$/m);
    expect(listing).toMatch(/ etc\/note$/m);
    expect(await shOk(vm, "minidock run --rm lab/note:v1 sh -c 'cat /etc/note; ls /bin/vi 2>&1 || true'", LONG)).toMatch(
      /^my layer\n.*No such file/,
    );
    await shOk(vm, "minidock rm note");
  });

  it("push and pull over the registry API: blobs sent once, every digest checked, a corrupted blob refused", async () => {
    const push = await shOk(vm, "minidock push lab/hello", LONG);
    expect(push).toMatch(/: Layer already exists\n/); // busybox's layer, in the registry from the start
    expect(push).toMatch(/latest: digest: sha256:[0-9a-f]{64} size: \d+$/);
    const index = await shOk(vm, "cat /var/lib/registry/repositories/lab/hello/index.json");
    expect(index).toContain(await shOk(vm, `cat ${STATE}/tags/lab/hello/latest`));
    await shOk(vm, "minidock push lab/hello:v2", LONG);

    const layer = (await shOk(vm, "minidock history -q lab/hello:v2")).split("\n")[0]!;
    const rmi = await shOk(vm, "minidock rmi lab/hello:v2");
    expect(rmi).toMatch(/^Untagged: lab\/hello:v2\nDeleted: sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}$/);
    const pull = await shOk(vm, "minidock pull lab/hello:v2", LONG);
    expect(pull.match(/Already exists/g)).toHaveLength(2);
    expect(pull).toContain(`${layer.slice(0, 12)}: Pull complete`);

    // The registry's copy of that layer is damaged: the pull refuses it and keeps nothing.
    await shOk(vm, `minidock rmi lab/hello:v2 && rm ${STATE}/blobs/sha256/${layer} && echo junk | gzip > /var/lib/registry/blobs/sha256/${layer}`);
    const corrupt = await sh(vm, "minidock pull lab/hello:v2", LONG);
    expect(corrupt.exitCode).toBe(1);
    expect(corrupt.stdout).toMatch(new RegExp(`digest mismatch: expected sha256:${layer}, got sha256:[0-9a-f]{64}`));
    expect(await shOk(vm, `ls ${STATE}/blobs/sha256 | grep -c ${layer} || true; ls ${STATE}/tags/lab/hello`)).toBe("0\nlatest");
  });
});
