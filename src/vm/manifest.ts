// manifest.json, written by images/build.sh: every input of the guest build (package versions and
// sha256), every output file, the v86 version and VM options the snapshot was saved with.
import { z } from "zod";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "expected a lowercase hex sha256");

export const manifestFileSchema = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256,
});

export const manifestSchema = z.object({
  format: z.literal(1),
  builtAt: z.string(),
  inputsKey: z.string(),
  v86Version: z.string().min(1),
  vm: z.object({
    memorySize: z.number().int().positive(),
    cmdline: z.string(),
    uarts: z.number().int().min(2).max(4),
  }),
  inputs: z.object({
    packages: z.array(z.object({ name: z.string(), version: z.string(), sha256, size: z.number().int() })),
    kernelSource: z.object({ package: z.string(), version: z.string() }),
    kernelConfigSha256: sha256,
    seabios: z.object({ version: z.string() }),
    agentSourceSha256: sha256,
  }),
  files: z.object({
    bios: manifestFileSchema,
    kernel: manifestFileSchema,
    initrd: manifestFileSchema,
    state: manifestFileSchema.extend({ rawSize: z.number().int().positive() }),
  }),
  snapshot: z.object({
    /** What the learner's console showed when the state was saved, replayed into the terminal on restore. */
    console: z.string(),
    bootMs: z.number().nonnegative(),
    bootId: z.string(),
    /** The emulated hardware the state was saved from (see machine-options.ts). */
    machine: z.string().min(1),
  }),
});

export type GuestManifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof manifestFileSchema>;

export class ManifestError extends Error {
  override readonly name = "ManifestError";
}

/** Validates parsed JSON; the error lists every problem with its path (e.g. `files.state.sha256`). */
export function parseManifest(json: unknown, source = "manifest.json"): GuestManifest {
  const result = manifestSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new ManifestError(`${source} is not a valid guest manifest:\n${problems.join("\n")}`);
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
