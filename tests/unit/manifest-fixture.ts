// A guest manifest as images/build.sh writes it (trimmed to one package), for the unit tests of the
// parts that read one: the manifest's parser, the offline list, the session's assets, the comparison.
const hash = (c: string): string => c.repeat(64);

export const SAMPLE_MANIFEST = {
  format: 1,
  builtAt: "2026-01-01T00:00:00Z",
  inputsKey: "174b24f6e5b9cc92",
  v86Version: "0.5.462+g5f9a90f",
  vm: { memorySize: 134217728, cmdline: "console=ttyS0 quiet", uarts: 2 },
  disk: {
    path: "usr.img",
    size: 524288,
    sha256: hash("9"),
    chunkSize: 262144,
    parts: [
      { path: "usr-0-262144.img", size: 90000, sha256: hash("7") },
      { path: "usr-262144-524288.img", size: 40, sha256: hash("8") },
    ],
    prefetch: { boot: [0, 1], resume: [1] },
  },
  inputs: {
    packages: [{ name: "bash", version: "5.2.15-2+b13", sha256: hash("a"), size: 1525372 }],
    kernelSource: { package: "linux-source-6.1", version: "6.1.192-1" },
    kernelConfigSha256: hash("b"),
    seabios: { version: "1.16.2-1" },
    agentSourceSha256: hash("c"),
  },
  files: {
    bios: { path: "bios.bin", size: 131072, sha256: hash("d") },
    kernel: { path: "bzImage", size: 2700000, sha256: hash("e") },
    initrd: { path: "initrd.img", size: 1500000, sha256: hash("f") },
    state: { path: "state.bin.zst", size: 8000000, sha256: hash("0"), rawSize: 37000000 },
  },
  snapshot: { console: "root@lab:~# ", bootMs: 6500, bootId: "c94a6696", machine: "{}" },
};
