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

/**
 * Why a saved state cannot be restored by this build, or undefined when it can. v86 restores a state
 * only into an emulator created with the same version and options; anything else crashes the guest.
 */
export function snapshotIncompatibility(
  manifest: GuestManifest,
  running: { readonly v86Version: string; readonly machine: string },
): string | undefined {
  if (manifest.v86Version !== running.v86Version) {
    return `the snapshot was saved by v86 ${manifest.v86Version}, but this page runs v86 ${running.v86Version}`;
  }
  if (manifest.snapshot.machine !== running.machine) {
    return `the snapshot was saved from a machine with other options (${manifest.snapshot.machine}) than this page uses (${running.machine})`;
  }
  return undefined;
}
