// The learner's saved work as a service: saves the running machine to the browser (IndexedDB), offers
// it back when the page opens, and moves progress and machines in and out as files. It decides nothing
// about timing (the autosave controller calls save()) and shows nothing (elements render its state).
// Every failure becomes a SavedWorkProblem the page shows; none of them loses what was already kept:
// the course progress lives in localStorage on its own, and a failed save keeps the previous one.
import { isRunning, type VmSession } from "../session/vm-session.ts";
import { learnerRunawayNow } from "../session/runaway-processes.ts";
import { countDone, mergeProgress, reconcileProgress, serializeProgress, type Progress } from "../course/progress.ts";
import type { ProgressStore } from "../course/progress-store.ts";
import { stateMismatch, type StateMismatch } from "../vm/manifest.ts";
import type { DownloadFile } from "../ui/download-file.ts";
import { errorText } from "../shared/error-text.ts";
import { TypedEvents, type Unsubscribe } from "../shared/typed-events.ts";
import { looksLikeMachine, MachineFileError, MAX_HEADER_BYTES, readMachineHeader, type MachineHeader } from "./machine-envelope.ts";
import { inPlacePacking, type MachinePacking } from "./machine-packer.ts";
import { MachineStoreError, type MachineStore } from "./machine-store.ts";
import { encodeProgressFile, parseProgressFile, ProgressFileError, progressFromStoredForm, type Learner } from "./progress-file.ts";

export type SavedWorkPhase =
  /** Looking for a saved machine before the first one starts. */
  | { readonly kind: "checking" }
  /**
   * A saved machine waits for the learner to resume it or start fresh; `learnerRunaway`: it was saved
   * while a fork bomb filled the learner's cgroup (resumed, it needs the runaway stop).
   */
  | { readonly kind: "offer"; readonly savedAt: Date; readonly learnerRunaway: boolean }
  /** A machine runs (or starts); lastSavedAt is the time of the machine in the browser, if any. */
  | { readonly kind: "running"; readonly lastSavedAt?: Date; readonly saving: boolean };

export type SavedWorkProblem =
  | { readonly kind: "quota" | "storage-unavailable" | "storage-blocked" | "save-failed"; readonly detail: string }
  /** The saved machine cannot be resumed: the page waits for "Start fresh". */
  | { readonly kind: "saved-corrupt"; readonly detail: string }
  | { readonly kind: "saved-incompatible"; readonly mismatch: StateMismatch }
  | { readonly kind: "import-corrupt" | "import-unknown"; readonly fileName: string; readonly detail: string }
  | { readonly kind: "import-incompatible"; readonly fileName: string; readonly mismatch: StateMismatch };

export type SavedWorkNotice =
  | { readonly kind: "progress-imported"; readonly steps: number }
  | { readonly kind: "machine-imported"; readonly savedAt: Date; readonly steps: number };

export interface SavedWorkEvents {
  change: void;
}

/**
 * Who asked for a save: the learner (the Save button), or the autosave, which never replaces the saved
 * machine with one whose shell is buried under runaway processes (the earlier save stays).
 */
export type SaveReason = "learner" | "automatic";

/** What changed in the learner's work (see SavedWork.watchWork). */
export type WorkChange = "step-done" | "input" | "output";

export interface SavedWorkOptions {
  readonly session: VmSession;
  readonly store: MachineStore;
  /** Where machines are packed and unpacked (the page: a worker); defaults to this thread. */
  readonly packing?: MachinePacking;
  readonly progress: ProgressStore;
  /** Exercise ids and their step ids, to count the steps of this course an imported file has done. */
  readonly course: ReadonlyMap<string, readonly string[]>;
  /** Challenge ids, for the same reason. */
  readonly challenges?: ReadonlySet<string>;
  readonly now?: () => Date;
  /** Who the learner is (when they joined a class), written into exported files for the grader. */
  readonly learner?: () => Learner | undefined;
}

export class SavedWork {
  readonly events = new TypedEvents<SavedWorkEvents>();
  private currentPhase: SavedWorkPhase = { kind: "checking" };
  private currentProblem: SavedWorkProblem | undefined;
  private currentNotice: SavedWorkNotice | undefined;
  private offered: Uint8Array | undefined;
  private saving: Promise<boolean> | undefined;
  private readonly now: () => Date;
  private readonly packing: MachinePacking;

  constructor(private readonly options: SavedWorkOptions) {
    this.now = options.now ?? (() => new Date());
    this.packing = options.packing ?? inPlacePacking;
  }

  get phase(): SavedWorkPhase {
    return this.currentPhase;
  }

  /** The latest problem, until the learner dismisses it or the next action succeeds. */
  get problem(): SavedWorkProblem | undefined {
    return this.currentProblem;
  }

  get notice(): SavedWorkNotice | undefined {
    return this.currentNotice;
  }

  /** Opens the page: offers a saved machine if there is a usable one, else starts the pristine one. */
  async startup(): Promise<void> {
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.options.store.load();
    } catch (error) {
      // Without IndexedDB the lab still works; saving will say why it cannot.
      this.report(storeProblem(error));
    }
    if (!bytes) return this.startFresh();
    let header: MachineHeader;
    try {
      header = readMachineHeader(bytes);
    } catch (error) {
      return this.refuse({ kind: "saved-corrupt", detail: errorText(error) });
    }
    const mismatch = stateMismatch(header.origin, await this.options.session.origin().catch(() => header.origin));
    if (mismatch) return this.refuse({ kind: "saved-incompatible", mismatch });
    this.offered = bytes;
    this.setPhase({ kind: "offer", savedAt: new Date(header.savedAt), learnerRunaway: header.learnerRunaway === true });
  }

  /** Resumes the machine offered at startup. */
  async resumeSaved(): Promise<void> {
    const bytes = this.offered;
    if (!bytes || this.currentPhase.kind !== "offer") return;
    const savedAt = this.currentPhase.savedAt;
    try {
      const saved = await this.packing.unpack(bytes, await this.options.session.maxStateBytes().catch(() => undefined));
      this.offered = undefined;
      this.setPhase({ kind: "running", lastSavedAt: savedAt, saving: false });
      void this.options.session.resume({ state: saved.state, console: saved.header.console });
    } catch (error) {
      this.refuse({ kind: "saved-corrupt", detail: errorText(error) });
    }
  }

  /**
   * Starts the pristine machine. A saved machine that cannot be used is deleted; one the learner chose
   * not to resume stays until the next save replaces it.
   */
  startFresh(): void {
    const unusable = this.currentProblem?.kind === "saved-corrupt" || this.currentProblem?.kind === "saved-incompatible";
    if (unusable) {
      this.currentProblem = undefined;
      this.options.store.clear().catch(() => undefined);
    }
    this.offered = undefined;
    this.setPhase({ kind: "running", saving: false });
    void this.options.session.start();
  }

  /** True when there is a running machine to save. */
  get canSave(): boolean {
    return this.currentPhase.kind === "running" && isRunning(this.options.session.state);
  }

  /**
   * Calls `listener` when the learner's work changes: "step-done" when a step of the course is done,
   * "input" when the learner types into any of their terminals, "output" whenever the console shows
   * something (a command still working). The autosave decides from these when to save.
   */
  watchWork(listener: (change: WorkChange) => void): Unsubscribe {
    let done = countDone(this.options.progress.progress);
    const offProgress = this.options.progress.events.on("change", (progress) => {
      const now = countDone(progress);
      if (now > done) listener("step-done");
      done = now;
    });
    const offInput = this.options.session.events.on("input", () => listener("input"));
    const offOutput = this.options.session.events.on("console", () => listener("output"));
    return () => {
      offProgress();
      offInput();
      offOutput();
    };
  }

  /**
   * Saves the running machine into the browser; resolves false when it did not: with a problem to show
   * when it could not, without one when an automatic save was skipped (see SaveReason).
   */
  save(reason: SaveReason = "learner"): Promise<boolean> {
    if (!this.canSave) return Promise.resolve(false);
    this.saving ??= this.saveNow(reason).finally(() => {
      this.saving = undefined;
      this.setSaving(false);
    });
    return this.saving;
  }

  /** The running machine with the course progress, as a file to keep or hand in (undefined, with a problem, when it fails). */
  async exportMachine(): Promise<DownloadFile | undefined> {
    const at = this.now();
    try {
      const bytes = await this.packMachine(at, true, await this.learnerRunaway());
      return { name: `isolation-lab-machine-${fileStamp(at)}.islab`, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/octet-stream" }) };
    } catch (error) {
      this.report({ kind: "save-failed", detail: errorText(error) });
      return undefined;
    }
  }

  /** The progress's stored form, with the learner (when known) for the grader. */
  private progressWithLearner(): unknown {
    const stored = JSON.parse(serializeProgress(this.options.progress.progress)) as Record<string, unknown>;
    const learner = this.options.learner?.();
    return learner ? { ...stored, learner } : stored;
  }

  exportProgress(): DownloadFile {
    const at = this.now();
    const text = encodeProgressFile(this.options.progress.progress, at, this.options.learner?.());
    return { name: `isolation-lab-progress-${fileStamp(at)}.json`, blob: new Blob([text], { type: "application/json" }) };
  }

  /**
   * Imports an exported file: a progress file is merged into the progress; a machine file is checked,
   * kept in the browser, resumed, and its progress merged. A bad file changes nothing.
   */
  async importFile(file: File): Promise<void> {
    // Nothing this lab exports is larger than a machine file of its biggest state: refuse before reading.
    const limit = await this.options.session.maxStateBytes().catch(() => undefined);
    if (limit !== undefined && file.size > limit + MAX_HEADER_BYTES) {
      const detail = `the file is ${file.size} bytes; a machine saved by this lab is at most ${limit + MAX_HEADER_BYTES}`;
      return this.report({ kind: "import-corrupt", fileName: file.name, detail });
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      return this.report({ kind: "import-unknown", fileName: file.name, detail: errorText(error) });
    }
    if (looksLikeMachine(bytes)) {
      return this.importMachine(file.name, bytes, limit).catch((error: unknown) =>
        this.report({ kind: "import-corrupt", fileName: file.name, detail: errorText(error) }),
      );
    }
    let imported: Progress;
    try {
      imported = parseProgressFile(new TextDecoder().decode(bytes));
    } catch (error) {
      const kind = error instanceof ProgressFileError && error.kind !== "not-progress" ? "import-corrupt" : "import-unknown";
      return this.report({ kind, fileName: file.name, detail: errorText(error) });
    }
    const steps = this.mergeImported(imported);
    this.currentProblem = undefined;
    this.currentNotice = { kind: "progress-imported", steps };
    this.events.emit("change", undefined);
  }

  dismissProblem(): void {
    // A refused saved machine cannot be dismissed: the page waits for "Start fresh".
    if (this.currentProblem?.kind === "saved-corrupt" || this.currentProblem?.kind === "saved-incompatible") return;
    this.currentProblem = undefined;
    this.events.emit("change", undefined);
  }

  dismissNotice(): void {
    this.currentNotice = undefined;
    this.events.emit("change", undefined);
  }

  private async importMachine(fileName: string, bytes: Uint8Array, maxStateBytes: number | undefined): Promise<void> {
    let saved;
    try {
      saved = await this.packing.unpack(bytes, maxStateBytes);
    } catch (error) {
      const kind = error instanceof MachineFileError && error.kind === "not-a-machine" ? "import-unknown" : "import-corrupt";
      return this.report({ kind, fileName, detail: errorText(error) });
    }
    const mismatch = stateMismatch(saved.header.origin, await this.options.session.origin());
    if (mismatch) return this.report({ kind: "import-incompatible", fileName, mismatch });
    let steps = countDone(reconcileProgress(this.options.progress.progress, this.options.course));
    if (saved.header.progress !== undefined) {
      try {
        steps = this.mergeImported(progressFromStoredForm(saved.header.progress));
      } catch (error) {
        return this.report({ kind: "import-corrupt", fileName, detail: errorText(error) });
      }
    }
    this.offered = undefined;
    this.currentProblem = undefined;
    const savedAt = new Date(saved.header.savedAt);
    this.currentNotice = { kind: "machine-imported", savedAt, steps };
    this.setPhase({ kind: "running", saving: false });
    await this.options.session.resume({ state: saved.state, console: saved.header.console });
    // Keep it in the browser too, so a reload resumes it; a full storage is reported, the machine runs anyway.
    try {
      await this.options.store.save(bytes);
      this.setPhase({ kind: "running", lastSavedAt: savedAt, saving: false });
    } catch (error) {
      this.report(storeProblem(error));
    }
  }

  private mergeImported(imported: Progress): number {
    // Everything in the file is kept, also steps of exercises this build does not have; the learner
    // is told how many steps of this course are done.
    const merged = mergeProgress(this.options.progress.progress, imported);
    this.options.progress.replace(merged);
    return countDone(reconcileProgress(merged, this.options.course));
  }

  private async saveNow(reason: SaveReason): Promise<boolean> {
    const runaway = await this.learnerRunaway();
    if (reason === "automatic" && runaway) return false;
    this.setSaving(true);
    const at = this.now();
    let bytes: Uint8Array;
    try {
      bytes = await this.packMachine(at, false, runaway);
    } catch (error) {
      this.report({ kind: "save-failed", detail: errorText(error) });
      return false;
    }
    try {
      await this.options.store.save(bytes);
    } catch (error) {
      this.report(storeProblem(error));
      return false;
    }
    if (this.currentProblem && !this.currentProblem.kind.startsWith("import")) this.currentProblem = undefined;
    this.setPhase({ kind: "running", lastSavedAt: at, saving: true });
    return true;
  }

  private async packMachine(at: Date, withProgress: boolean, learnerRunaway: boolean): Promise<Uint8Array> {
    const session = this.options.session;
    // The page's only part in a save: v86 serializes in the emulator's worker, the packing happens in its own.
    const [state, origin] = await Promise.all([session.saveState(), session.origin()]);
    return this.packing.pack({
      state,
      origin,
      savedAt: at,
      console: session.consoleText(),
      ...(withProgress ? { progress: this.progressWithLearner() } : {}),
      learnerRunaway,
    });
  }

  /**
   * Whether the learner's processes fill their cgroup right now (a fork bomb), by the runaway banner's
   * own test. A guest that does not answer counts as not runaway: the save goes ahead.
   */
  private async learnerRunaway(): Promise<boolean> {
    const agent = this.options.session.vm?.agent;
    if (!agent) return false;
    try {
      return await learnerRunawayNow(agent);
    } catch {
      return false;
    }
  }

  private refuse(problem: SavedWorkProblem): void {
    this.offered = undefined;
    this.currentProblem = problem;
    this.setPhase({ kind: "checking" });
  }

  private report(problem: SavedWorkProblem): void {
    this.currentProblem = problem;
    this.currentNotice = undefined;
    this.events.emit("change", undefined);
  }

  private setSaving(saving: boolean): void {
    if (this.currentPhase.kind !== "running" || this.currentPhase.saving === saving) return;
    this.setPhase({ ...this.currentPhase, saving });
  }

  private setPhase(phase: SavedWorkPhase): void {
    this.currentPhase = phase;
    this.events.emit("change", undefined);
  }
}

function storeProblem(error: unknown): SavedWorkProblem {
  const detail = errorText(error);
  if (error instanceof MachineStoreError) {
    if (error.kind === "quota") return { kind: "quota", detail };
    if (error.kind === "unavailable") return { kind: "storage-unavailable", detail };
    if (error.kind === "blocked") return { kind: "storage-blocked", detail };
  }
  return { kind: "save-failed", detail };
}

/** 2026-03-01-1020: sortable, and legal in every file system's names. */
function fileStamp(at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
}
