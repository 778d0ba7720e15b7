// minidock, the small Docker in the guest (images/rootfs/overlay/usr/bin/minidock and minidockd), used
// the way the images and architecture exercises use it. One VM for the whole file: like a learner's
// session, each test builds on what the previous ones left (the daemon, the pulled image, containers).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { sh, shOk, startVm } from "./helpers.ts";

let vm: VirtualMachine;

beforeAll(async () => {
  vm = await startVm();
});

afterAll(async () => {
  await vm?.dispose();
});

const STATE = "/var/lib/minidock";

/** The layer IDs of a local image NAME/TAG (tags are files under tags/), bottom first. */
async function layersOf(name: string, tag: string): Promise<string[]> {
  const out = await shOk(vm, `sed -n 's/^layer //p' ${STATE}/images/$(cat ${STATE}/tags/${name}/${tag})`);
  return out.split("\n").filter(Boolean);
}

const MINIFILE = `FROM busybox
RUN echo "built on $(uname -r)" > /etc/build-info
COPY greeting.txt /app/greeting.txt
CMD cat /app/greeting.txt /etc/build-info
`;

describe.sequential("minidock", () => {
  it("the client needs the daemon, which listens on TCP port 2375 and seeds the registry", async () => {
    const without = await sh(vm, "minidock images");
    expect(without.exitCode).toBe(1);
    expect(without.stderr).toContain("cannot connect to the minidock daemon at tcp://127.0.0.1:2375");

    expect(await shOk(vm, "minidockd", { timeoutMs: 60_000 })).toMatch(/listening on tcp port 2375/);
    expect(await shOk(vm, "cat /proc/net/tcp /proc/net/tcp6 | grep -c ':0947 0*:0000 0A'")).toBe("1");
    expect(await shOk(vm, "cat /srv/registry/repositories/busybox/latest")).toMatch(/^layer [0-9a-f]{64}\ncmd sh$/);
    expect(await shOk(vm, "minidockd")).toMatch(/already running/);
    expect(await shOk(vm, "minidock version")).toContain(`kernel ${await shOk(vm, "uname -r")}`);
  });

  it("a name without a tag means :latest, and a bad name is refused with a message", async () => {
    const pulled = await shOk(vm, "minidock pull busybox", { timeoutMs: 60_000 });
    expect(pulled).toMatch(/^latest: Pulling from busybox\n[0-9a-f]{12}: Pull complete\n/);
    expect(await shOk(vm, `ls ${STATE}/tags/busybox`)).toBe("latest");
    expect(await shOk(vm, "minidock images")).toMatch(/^busybox +latest +[0-9a-f]{12} +1 +\d+ KiB$/m);
    // The layer ID is the sha256 of its tarball; the image ID the sha256 of its manifest.
    const [layer] = await layersOf("busybox", "latest");
    expect(await shOk(vm, `sha256sum ${STATE}/layers/${layer}/layer.tar.gz | cut -d ' ' -f 1`)).toBe(layer);
    const image = await shOk(vm, `cat ${STATE}/tags/busybox/latest`);
    expect(await shOk(vm, `sha256sum ${STATE}/images/${image} | cut -d ' ' -f 1`)).toBe(image);

    const bad = await sh(vm, "minidock pull Busy/Box:1");
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain("invalid image name 'Busy/Box:1'");
    const missing = await sh(vm, "minidock pull lab/nothing");
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain("lab/nothing:latest not found in the registry");
  });

  it("run: a container in its own namespaces, root and cgroup; its exit code comes back", async () => {
    const out = await shOk(vm, "minidock run --name once busybox sh -c 'hostname; echo $$; ls /; cat /proc/1/cgroup'");
    expect(out.split("\n").slice(0, 2)).toEqual(["once", "1"]);
    expect(out).toContain("proc");
    expect(out).toMatch(/^0::\/minidock\/once$/m);
    const failed = await sh(vm, "minidock run --name fails busybox sh -c 'exit 3'");
    expect(failed.exitCode).toBe(3);
    expect(await shOk(vm, "minidock ps")).toMatch(/^fails +busybox:latest +Exited \(3\)/m);
    const taken = await sh(vm, "minidock run --name fails busybox true");
    expect(taken.exitCode).toBe(1);
    expect(taken.stdout).toContain("already in use");
  });

  it("run -d, ps, exec into the same namespaces, stop and rm", async () => {
    expect(await shOk(vm, "minidock run -d --name web busybox sleep 1000")).toBe("web");
    const ps = await shOk(vm, "sleep 1; minidock ps");
    const row = /^web +busybox:latest +Up +(\d+) +(\d+)K +sleep 1000/m.exec(ps);
    expect(row, ps).not.toBeNull();
    const pid = row![1]!;
    expect(await shOk(vm, `cat /sys/fs/cgroup/minidock/web/cgroup.procs`)).toContain(pid);
    expect(await shOk(vm, `grep NSpid /proc/${pid}/status`)).toMatch(/\t1$/);

    // exec enters the container's PID, UTS and mount namespaces: it sees its PID 1 and its hostname.
    const inside = await shOk(vm, "minidock exec web sh -c 'hostname; cat /proc/1/cmdline | tr \"\\0\" \" \"; echo; echo hi > /tmp/hi'");
    expect(inside.split("\n")).toEqual(["web", "sleep 1000"]);
    expect(await shOk(vm, `cat ${STATE}/containers/web/upper/tmp/hi`)).toBe("hi");

    expect(await shOk(vm, "minidock stop web")).toBe("web");
    expect(await shOk(vm, "minidock ps")).toMatch(/^web +busybox:latest +Exited/m);
    expect((await sh(vm, "minidock exec web true")).stdout).toContain("container web is not running");
    expect(await shOk(vm, "minidock rm web once fails")).toBe("web\nonce\nfails");
    expect(await shOk(vm, `grep -c ' ${STATE}/containers/' /proc/mounts || true`)).toBe("0");
    expect(await shOk(vm, `ls ${STATE}/containers; ls /sys/fs/cgroup/minidock | grep -c -e web -e once || true`)).toBe("0");
  });

  it("commit: a container's upper layer, with a whiteout, becomes a layer on top of its image", async () => {
    await shOk(vm, `minidock run --name note busybox sh -c 'echo "my layer" > /etc/note; rm /bin/vi'`);
    expect(await shOk(vm, "minidock commit note lab/note:v1")).toMatch(/^sha256:[0-9a-f]{64}$/);
    const [base] = await layersOf("busybox", "latest");
    const layers = await layersOf("lab/note", "v1");
    expect(layers).toHaveLength(2);
    expect(layers[0]).toBe(base);
    const listing = await shOk(vm, `tar -tvzf ${STATE}/layers/${layers[1]}/layer.tar.gz`);
    expect(listing).toMatch(/^c.* \.\/bin\/vi$/m);
    expect(listing).toMatch(/ \.\/etc\/note$/m);
    expect(await shOk(vm, "minidock run --name fromnote lab/note:v1 sh -c 'cat /etc/note; ls /bin/vi 2>&1 || true'")).toMatch(
      /^my layer\n.*No such file/,
    );
  });

  it("build: each step a layer; an unchanged step reuses its cached layer, a changed one rebuilds", async () => {
    const write = `mkdir -p /root/hello && cd /root/hello && echo 'hello' > greeting.txt && cat > Minifile <<'EOF'\n${MINIFILE}EOF`;
    await shOk(vm, write);
    const first = await shOk(vm, "cd /root/hello && minidock build -t lab/hello .", { timeoutMs: 60_000 });
    expect(first).not.toContain("Using cache");
    expect(first).toMatch(/Successfully tagged lab\/hello:latest$/);
    const built = await layersOf("lab/hello", "latest");
    expect(built).toHaveLength(3);
    expect(await shOk(vm, "minidock run --name hi lab/hello")).toMatch(/^hello\nbuilt on 6\./);

    const again = await shOk(vm, "cd /root/hello && minidock build -t lab/hello .", { timeoutMs: 60_000 });
    expect(again.match(/Using cache/g)).toHaveLength(2);
    expect(await layersOf("lab/hello", "latest")).toEqual(built);

    const changed = await shOk(vm, "cd /root/hello && echo 'hello again' > greeting.txt && minidock build -t lab/hello:v2 .", {
      timeoutMs: 60_000,
    });
    expect(changed.match(/Using cache/g)).toHaveLength(1); // RUN: cached; COPY: rebuilt
    expect(changed).toMatch(/Step 2\/4 : RUN .*\n ---> Using cache\n/);
    const v2 = await layersOf("lab/hello", "v2");
    expect(v2.slice(0, 2)).toEqual(built.slice(0, 2));
    expect(v2[2]).not.toBe(built[2]);

    const broken = await sh(vm, "mkdir -p /root/broken && cd /root/broken && printf 'FROM busybox\\nRUN exit 7\\n' > Minifile && minidock build -t lab/broken .");
    expect(broken.exitCode).toBe(1);
    expect(broken.stdout).toContain("returned a non-zero code: 7");
  });

  it("push and pull: blobs by ID, sent once; a pull fetches only missing layers and checks their sha256", async () => {
    const push = await shOk(vm, "minidock push lab/hello");
    expect(push).toMatch(/: Layer already exists\n/); // busybox's, pushed with the registry's image
    expect(push.match(/: Pushed/g)).toHaveLength(2);
    const push2 = await shOk(vm, "minidock push lab/hello:v2");
    expect(push2.match(/: Pushed/g)).toHaveLength(1);
    expect(await shOk(vm, "ls /srv/registry/blobs | wc -l")).toBe("4");

    const v2 = await layersOf("lab/hello", "v2");
    const id = await shOk(vm, `cat ${STATE}/tags/lab/hello/v2`);
    const rmi = await shOk(vm, "minidock rmi lab/hello:v2");
    expect(rmi).toContain(`Deleted layer: ${v2[2]!.slice(0, 12)}`);
    expect(rmi.match(/Deleted layer/g)).toHaveLength(1); // the others are used by lab/hello:latest
    const pull = await shOk(vm, "minidock pull lab/hello:v2");
    expect(pull.match(/Already exists/g)).toHaveLength(2);
    expect(pull).toContain(`${v2[2]!.slice(0, 12)}: Pull complete`);
    expect(await shOk(vm, `cat ${STATE}/tags/lab/hello/v2`)).toBe(id);

    // A blob that does not hash to its ID is refused.
    await shOk(vm, `minidock rmi lab/hello:v2 && echo junk | gzip > /srv/registry/blobs/${v2[2]}.tar.gz`);
    const corrupt = await sh(vm, "minidock pull lab/hello:v2");
    expect(corrupt.exitCode).toBe(1);
    expect(corrupt.stdout).toContain(`layer ${v2[2]} is corrupt in the registry`);
  });
});
