// Words and numbers the page shows for the machine's state, in one place so the status line, the
// panels and the tests agree.
import type { UiMessages } from "../i18n/ui-messages.ts";
import type { SessionState } from "./vm-session.ts";

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** One line saying what the machine is doing. */
export function statusLabel(state: SessionState | undefined, m: UiMessages): string {
  if (!state) return m.waiting;
  switch (state.phase) {
    case "starting":
      return m.preparing;
    case "loading":
      return state.mode === "restore" ? m.downloadingSnapshot : m.downloadingKernel;
    case "booting":
      return state.mode === "restore" ? m.restoringSnapshot : m.bootingLinux;
    case "ready":
      return m.ready(formatDuration(state.bootMs), state.mode === "restore");
    case "unresponsive":
      return m.notResponding;
    case "error":
      return m.failureTitles[state.failure.kind];
  }
}
