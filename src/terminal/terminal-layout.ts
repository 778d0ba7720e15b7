// Which learner terminals are open, which one has the keyboard, and whether two show side by side.
// Terminal N is the shell on a fixed serial line (1: ttyS0, 2: ttyS2, 3: ttyS3), so a reload, a reset
// or a resumed machine finds the same tabs on the same lines. Kept in localStorage; pure functions.
import { array, decode, integer, number, object, optional } from "../shared/decode.ts";

export interface TerminalLayout {
  /** Open terminals by serial port, in tab order. */
  readonly tabs: readonly number[];
  /** The terminal in front (and on the left when split). */
  readonly active: number;
  /** The terminal on the right of a split, or undefined. */
  readonly split: number | undefined;
  /** The left terminal's share of the width when split (0.2 – 0.8). */
  readonly ratio: number;
}

export const DEFAULT_LAYOUT: TerminalLayout = { tabs: [0], active: 0, split: undefined, ratio: 0.5 };
export const STORAGE_KEY = "isolation-lab.terminals";

/** The serial port of each terminal number, and back. */
export const terminalNumber = (port: number): number => (port === 0 ? 1 : port);

// Read with the lab's own small decoders: the page ships no schema validator.
const stored = object({
  tabs: array(integer()),
  active: integer(),
  split: optional(integer()),
  ratio: number({ min: 0.2, max: 0.8 }),
});

/** The stored layout, kept to the lines this machine has; the default when missing or unreadable. */
export function parseLayout(json: string | null, ports: readonly number[]): TerminalLayout {
  if (!json) return DEFAULT_LAYOUT;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return DEFAULT_LAYOUT;
  }
  const result = decode(stored, data);
  if (!result.ok) return DEFAULT_LAYOUT;
  const layout = result.value;
  const tabs = [...new Set(layout.tabs.filter((port) => ports.includes(port)))];
  if (tabs.length === 0) return DEFAULT_LAYOUT;
  const active = tabs.includes(layout.active) ? layout.active : tabs[0]!;
  const split = layout.split !== undefined && tabs.includes(layout.split) && layout.split !== active ? layout.split : undefined;
  return { tabs, active, split, ratio: layout.ratio };
}

export function serializeLayout(layout: TerminalLayout): string {
  return JSON.stringify(layout);
}

/** The first line without a tab, or undefined when every line has one. */
export function freePort(layout: TerminalLayout, ports: readonly number[]): number | undefined {
  return ports.find((port) => !layout.tabs.includes(port));
}

export function openTab(layout: TerminalLayout, port: number): TerminalLayout {
  const tabs = layout.tabs.includes(port) ? layout.tabs : [...layout.tabs, port].sort((a, b) => a - b);
  return { ...layout, tabs, active: port, split: layout.split === port ? undefined : layout.split };
}

export function activate(layout: TerminalLayout, port: number): TerminalLayout {
  if (!layout.tabs.includes(port)) return layout;
  // Picking the right-hand terminal of a split swaps the two sides.
  const split = layout.split === port ? layout.active : layout.split;
  return { ...layout, active: port, split };
}

export function closeTab(layout: TerminalLayout, port: number): TerminalLayout {
  if (layout.tabs.length <= 1 || !layout.tabs.includes(port)) return layout;
  const tabs = layout.tabs.filter((p) => p !== port);
  const active = layout.active === port ? (layout.split ?? tabs[0]!) : layout.active;
  const split = layout.split === port || layout.split === active ? undefined : layout.split;
  return { ...layout, tabs, active, split };
}

/** Splits with the next open terminal (opening one when needed), or ends the split. */
export function toggleSplit(layout: TerminalLayout, ports: readonly number[]): TerminalLayout {
  if (layout.split !== undefined) return { ...layout, split: undefined };
  const other = layout.tabs.find((p) => p !== layout.active) ?? freePort(layout, ports);
  if (other === undefined) return layout;
  const tabs = layout.tabs.includes(other) ? layout.tabs : [...layout.tabs, other].sort((a, b) => a - b);
  return { ...layout, tabs, split: other };
}

export function setRatio(layout: TerminalLayout, ratio: number): TerminalLayout {
  return { ...layout, ratio: Math.min(0.8, Math.max(0.2, Math.round(ratio * 100) / 100)) };
}
