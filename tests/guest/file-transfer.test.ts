// Files in and out of the real guest through the agent: bytes arrive intact (binary, every byte value),
// are readable back, and wrong paths or sizes are refused with a reason, leaving nothing behind.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadFromGuest, MAX_TRANSFER_BYTES, TransferError, uploadToGuest } from "../../src/files/guest-files.ts";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { shOk, startVm } from "./helpers.ts";

function randomBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)));
  return bytes;
}

async function problemOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(TransferError);
    return (error as TransferError).problem.kind;
  }
}

describe("moving files in and out of the guest", () => {
  let vm: VirtualMachine;
  beforeAll(async () => {
    vm = await startVm();
  });
  afterAll(async () => {
    await vm.dispose();
  });

  it("uploads a binary file intact and downloads it back", async () => {
    const data = randomBytes(4_000_000);
    const progress: number[] = [];
    const started = performance.now();
    await uploadToGuest(vm, data, "/root/upload.bin", { onProgress: (done) => progress.push(done) });
    const uploadMs = performance.now() - started;
    expect(await shOk(vm, "sha256sum /root/upload.bin | cut -d' ' -f1")).toBe(createHash("sha256").update(data).digest("hex"));
    // Progress starts at 0, only grows, and ends at the size (how many reports between depends on speed).
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(data.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // No temporary file is left next to it.
    expect(await shOk(vm, "ls -A /root | grep -c lab-upload || true")).toBe("0");
    // The share is unmounted and empty again (a saved machine would carry its files along).
    expect(await shOk(vm, "grep -c 9p /proc/mounts || true")).toBe("0");
    expect(await shOk(vm, "d=$(mktemp -d) && mount -t 9p -o trans=virtio host9p $d && ls -A $d; umount $d")).toBe("");

    const downloadStarted = performance.now();
    const back = await downloadFromGuest(vm, "/root/upload.bin");
    const downloadMs = performance.now() - downloadStarted;
    expect(back.length).toBe(data.length);
    expect(Buffer.from(back).equals(Buffer.from(data))).toBe(true);
    console.log(`4 MB: upload ${uploadMs.toFixed(0)} ms, download ${downloadMs.toFixed(0)} ms`);
  });

  it("uploads an empty file and one with a quote and spaces in its name", async () => {
    await uploadToGuest(vm, new Uint8Array(), "/root/it's a file.txt");
    expect(await shOk(vm, `stat -c %s "/root/it's a file.txt"`)).toBe("0");
    await uploadToGuest(vm, new TextEncoder().encode("hello\n"), "/tmp/hello.txt");
    expect(new TextDecoder().decode(await downloadFromGuest(vm, "/tmp/hello.txt"))).toBe("hello\n");
  });

  it("refuses wrong paths and sizes with a reason", async () => {
    expect(await problemOf(uploadToGuest(vm, new Uint8Array(3), "/no/such/dir/f"))).toBe("no-directory");
    expect(await problemOf(uploadToGuest(vm, new Uint8Array(3), "/root"))).toBe("not-a-file");
    expect(await problemOf(uploadToGuest(vm, new Uint8Array(3), "relative/path"))).toBe("bad-path");
    expect(await problemOf(uploadToGuest(vm, new Uint8Array(MAX_TRANSFER_BYTES + 1), "/root/big"))).toBe("too-large");
    expect(await problemOf(downloadFromGuest(vm, "/root/missing-file"))).toBe("not-found");
    expect(await problemOf(downloadFromGuest(vm, "/root"))).toBe("not-a-file");
    expect(await shOk(vm, "ls /root/big 2>/dev/null; ls -A /root | grep -c lab-upload || true")).toBe("0");
  });

  it("refuses a file larger than the guest's free space", async () => {
    // Fill a small tmpfs so the check trips without filling the guest's memory.
    await shOk(vm, "mkdir -p /mnt/small && mount -t tmpfs -o size=9m tmpfs /mnt/small");
    try {
      expect(await problemOf(uploadToGuest(vm, new Uint8Array(2 * 1024 * 1024), "/mnt/small/f"))).toBe("no-space");
    } finally {
      await shOk(vm, "umount /mnt/small");
    }
  });
});
