// `npm run prove -- path/to/pack [...]`: boots the guest in Node and proves every exercise and challenge
// of each pack as the guest tier proves the course (scripts/prove/pack-prover.ts): a fresh machine fails
// each step, the reference solution typed at the console passes, the checks change nothing, a question's
// own answer is accepted and a wrong one refused, and every listed mistake fails. Prints each step,
// solution and mistake as it is proven and a summary; failures name file:line, exercise, step and check. Exit code 1 when anything failed, 2 when a folder cannot be read.
// Without a folder: every pack in content-packs/ (and LAB_CONTENT_PACKS).
import { existsSync } from "node:fs";
import path from "node:path";
import { GUEST_DIR } from "../images/node-asset-source.ts";
import { packFolders } from "../src/exercises/pack-folders.ts";
import { provePack, type PackProof, type ProofFailure } from "./prove/pack-prover.ts";

const folders = process.argv.slice(2).length > 0 ? process.argv.slice(2).map((arg) => path.resolve(arg)) : packFolders();
if (folders.length === 0) {
  process.stderr.write("prove: no content pack given and none in content-packs/ (usage: npm run prove -- path/to/pack)\n");
  process.exit(2);
}
for (const folder of folders) {
  if (!existsSync(folder)) {
    process.stderr.write(`prove: ${folder} does not exist\n`);
    process.exit(2);
  }
}
if (!existsSync(path.join(GUEST_DIR, "manifest.json"))) {
  process.stderr.write("prove: the guest image is not built: run `bash images/build.sh` first\n");
  process.exit(2);
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? "" : "s"}`;

function formatFailure(f: ProofFailure): string {
  const what = [f.exercise, f.step && `step ${f.step}`, f.check && `check ${f.check}`].filter(Boolean).join(", ");
  return `${f.where}: ${what ? `${what}: ` : ""}${f.message}`;
}

const proofs: PackProof[] = [];
for (const folder of folders) {
  process.stdout.write(`Proving ${path.relative(process.cwd(), folder) || "."} in the guest\n`);
  const proof = await provePack(folder, {
    onProgress: (p) => {
      if ("passed" in p) {
        const what = p.kind === "mistake" ? `mistake: ${p.name}` : p.kind === "solution" ? "solution" : `step ${p.name}`;
        process.stdout.write(`    ${p.passed ? "ok  " : "FAIL"} ${what} (${(p.ms / 1000).toFixed(1)} s)\n`);
      } else {
        const parts = [p.kind === "exercise" && plural(p.steps, "step"), plural(p.mistakes, "mistake")].filter(Boolean).join(", ");
        process.stdout.write(`  ${p.kind === "challenge" ? "challenge " : ""}${p.folder} (${parts})\n`);
      }
    },
  });
  proofs.push(proof);
  for (const failure of proof.failures) process.stderr.write(`${formatFailure(failure)}\n`);
}

process.stdout.write("\n");
for (const p of proofs) {
  const verdict = p.failures.length === 0 && p.exercises > 0 ? "proven" : p.exercises === 0 ? "NOT PROVEN (no exercise)" : "NOT PROVEN";
  process.stdout.write(
    `${p.pack}: ${verdict}: ${plural(p.exercises, "exercise")}, ${p.stepsProven}/${p.steps} steps proven, ` +
      `${p.challengesProven}/${p.challenges} challenges proven, ${p.mistakesProven}/${p.mistakes} mistakes fail as they should, ` +
      `${plural(p.failures.length, "failure")}\n`,
  );
}
const failed = proofs.some((p) => p.failures.length > 0 || p.exercises === 0);
process.exit(failed ? 1 : 0);
