// manifest.json, written by images/build.sh: every input of the guest build (package versions and
// sha256), every output file, the v86 version and VM options the snapshot was saved with.
import { array, decode, formatIssues, integer, literal, number, object, string, type Infer } from "../shared/decode.ts";

const sha256 = string({ pattern: /^[0-9a-f]{64}$/, expected: "a lowercase hex sha256" });

const manifestFileFields = {
  path: string({ min: 1 }),
  size: integer({ min: 0 }),
  sha256,
};

const manifestFile = object(manifestFileFields);

const manifest = object({
  format: literal(1),
  builtAt: string(),
  inputsKey: string(),
  v86Version: string({ min: 1 }),
  vm: object({
    memorySize: integer({ min: 1 }),
    cmdline: string(),
    uarts: integer({ min: 2, max: 4 }),
  }),
  inputs: object({
    packages: array(object({ name: string(), version: string(), sha256, size: integer() })),
    kernelSource: object({ package: string(), version: string() }),
    kernelConfigSha256: sha256,
    seabios: object({ version: string() }),
    agentSourceSha256: sha256,
  }),
  /**
   * /usr: a read-only erofs image the guest mounts from its IDE disk, loaded lazily in parts of
   * chunkSize (named usr-START-END.img; see lazy-disk.ts), so the programs stay out of the initramfs,
   * guest RAM and the snapshot. size and sha256 are the whole raw image's.
   */
  disk: object({
    ...manifestFileFields,
    chunkSize: integer({ min: 512 }),
    parts: array(manifestFile),
    /**
     * The parts (indexes into `parts`) a cold boot and a resume of the snapshot read before the guest
     * first answers, measured by the snapshot build: the page loads them together as the machine starts.
     */
    prefetch: object({ boot: array(integer({ min: 0 })), resume: array(integer({ min: 0 })) }),
  }),
  files: object({
    bios: manifestFile,
    kernel: manifestFile,
    initrd: manifestFile,
    state: object({ ...manifestFileFields, rawSize: integer({ min: 1 }) }),
  }),
  snapshot: object({
    /** What the learner's console showed when the state was saved, replayed into the terminal on restore. */
    console: string(),
    bootMs: number({ min: 0 }),
    bootId: string(),
    /** The emulated hardware the state was saved from (see machine-options.ts). */
    machine: string({ min: 1 }),
  }),
});

export type GuestManifest = Infer<typeof manifest>;

/**
 * A path ending in one of the /usr disk's parts (usr-START-END.img; images/disk/pack-disk.sh writes
 * them): for the build and the bench, which see them as files and requests.
 */
export const DISK_PART_PATH = /[\\/]guest[\\/]usr-\d+-\d+\.img$/;
export type ManifestFile = Infer<typeof manifestFile>;

export class ManifestError extends Error {
  override readonly name = "ManifestError";
}

/** Validates parsed JSON; the error lists every problem with its path (e.g. `files.state.sha256`). */
export function parseManifest(json: unknown, source = "manifest.json"): GuestManifest {
  const result = decode(manifest, json);
  if (result.ok) return result.value;
  throw new ManifestError(`${source} is not a valid guest manifest:\n${formatIssues(result.issues)}`);
}

/** What a v86 state was saved from; restoring it needs the same v86 build and emulated hardware. */
export interface StateOrigin {
  readonly v86Version: string;
  /** machineFingerprint() of the machine the state was saved from. */
  readonly machine: string;
  /** The guest image build (manifest.json's inputsKey); only the learner's saved machines record it. */
  readonly inputsKey?: string;
}

export type StateMismatch =
  | { readonly kind: "v86"; readonly saved: string; readonly running: string }
  | { readonly kind: "machine"; readonly saved: string; readonly running: string }
  | { readonly kind: "image"; readonly saved: string; readonly running: string };

/**
 * The first way a saved state differs from the running page, or undefined when it can be restored.
 * v86 restores a state only into an emulator created with the same version and options; anything else
 * crashes the guest. The image is compared when both sides name one: a state from another image build
 * would resume fine, but with the old guest (kernel, tools, agent) under the new page.
 */
export function stateMismatch(saved: StateOrigin, running: StateOrigin): StateMismatch | undefined {
  if (saved.v86Version !== running.v86Version) return { kind: "v86", saved: saved.v86Version, running: running.v86Version };
  if (saved.machine !== running.machine) return { kind: "machine", saved: saved.machine, running: running.machine };
  if (saved.inputsKey !== undefined && running.inputsKey !== undefined && saved.inputsKey !== running.inputsKey) {
    return { kind: "image", saved: saved.inputsKey, running: running.inputsKey };
  }
  return undefined;
}

/**
 * Why the build-time snapshot cannot be restored by this page, or undefined when it can (see
 * stateMismatch).
 */
export function snapshotIncompatibility(
  manifest: GuestManifest,
  running: { readonly v86Version: string; readonly machine: string },
): string | undefined {
  const mismatch = stateMismatch({ v86Version: manifest.v86Version, machine: manifest.snapshot.machine }, running);
  switch (mismatch?.kind) {
    case undefined:
    case "image":
      return undefined;
    case "v86":
      return `the snapshot was saved by v86 ${mismatch.saved}, but this page runs v86 ${mismatch.running}`;
    case "machine":
      return `the snapshot was saved from a machine with other options (${mismatch.saved}) than this page uses (${mismatch.running})`;
  }
}
