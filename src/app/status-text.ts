// Words and numbers the page shows for the machine's state, in one place so the status line, the
// panels and the tests agree.
import type { VmFailureKind } from "../vm/vm-state.ts";
import type { SessionState } from "./vm-session.ts";

export const FAILURE_TITLES: Readonly<Record<VmFailureKind, string>> = {
  "assets-missing": "The guest image is missing",
  "download-failed": "The machine could not be downloaded",
  "boot-timeout": "The machine did not start",
  "kernel-panic": "The guest kernel panicked",
  "emulator-error": "The emulator stopped",
};

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** One line saying what the machine is doing. */
export function statusLabel(state: SessionState | undefined): string {
  if (!state) return "Waiting for the page…";
  switch (state.phase) {
    case "starting":
      return "Preparing the machine…";
    case "loading":
      return state.mode === "restore" ? "Downloading the saved machine…" : "Downloading the kernel…";
    case "booting":
      return state.mode === "restore" ? "Restoring the snapshot…" : "Booting Linux…";
    case "ready":
      return `Ready in ${formatDuration(state.bootMs)} (${state.mode === "restore" ? "restored snapshot" : "cold boot"})`;
    case "unresponsive":
      return "Not responding";
    case "error":
      return FAILURE_TITLES[state.failure.kind];
  }
}
