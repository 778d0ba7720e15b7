// The messages between a VirtualMachine (the page's side, or a Node test's) and the EmulatorCore that
// owns v86 (in a Web Worker in the browser, in the same thread in Node). Every message is structured-
// cloneable; large buffers (guest files, saved states, shared files) are transferred, never copied.
import type { V86Options } from "v86";
import type { DiskGeometry } from "./lazy-disk.ts";

/** Serial ports the host talks to: 0 is the learner's console, 1 the guest agent, 2 and 3 more learner shells. */
export type SerialPort = 0 | 1 | ShellPort;
/** The learner's extra login shells (ttyS2, ttyS3), where the machine has those UARTs. */
export type ShellPort = 2 | 3;

export function isShellPort(port: number): port is ShellPort {
  return port === 2 || port === 3;
}

export interface CoreBootFiles {
  readonly bios: ArrayBuffer;
  /** A restore: v86's serialized state. */
  readonly state?: ArrayBuffer;
  /** A cold boot: the kernel, its initramfs and command line. */
  readonly kernel?: ArrayBuffer;
  readonly initrd?: ArrayBuffer;
  readonly cmdline?: string;
}

export interface CoreStart {
  readonly wasmPath: string;
  /** The emulated hardware (machine-options.ts) and any extra options, all plain data. */
  readonly options: Partial<V86Options>;
  readonly files: CoreBootFiles;
  /** The /usr disk (lazy-disk.ts): its parts arrive as "disk-part" messages, asked for by "disk-need". */
  readonly disk?: DiskGeometry;
}

export type HostMessage =
  /** Sent as soon as the thread exists: compile v86's wasm while the guest files still download. */
  | { readonly type: "prepare"; readonly wasmPath: string }
  | { readonly type: "start"; readonly start: CoreStart }
  /** Bytes for a serial port; the core feeds them as the guest's UART takes them (serial-writer.ts). */
  | { readonly type: "serial"; readonly port: SerialPort; readonly bytes: Uint8Array }
  /** A frame for the network card, as if it arrived on its cable. */
  | { readonly type: "frame"; readonly frame: Uint8Array }
  /**
   * Plugs the card's cable into a MessagePort (the other end is another core's), or pulls it out (null).
   * With `report`, the core also tells the host about every frame its card sends (for the frame trace).
   */
  | { readonly type: "cable"; readonly port: MessagePort | null; readonly report: boolean }
  /** Halts the emulated CPU for good (a panicked or failed machine), keeping its memory until "stop". */
  | { readonly type: "halt" }
  /** A part of the /usr disk, asked for or sent ahead (disk-feeder.ts). */
  | { readonly type: "disk-part"; readonly index: number; readonly data: ArrayBuffer }
  | { readonly type: "save"; readonly id: number }
  | { readonly type: "put-file"; readonly id: number; readonly path: string; readonly data: Uint8Array }
  | { readonly type: "take-file"; readonly id: number; readonly path: string }
  | { readonly type: "stop" };

export type CoreMessage =
  /** The emulator runs (serial input sent before this is lost after a restore). */
  | { readonly type: "started" }
  /** Bytes the guest wrote to a serial port, batched per task. */
  | { readonly type: "serial"; readonly port: SerialPort; readonly bytes: Uint8Array }
  /** A copy of a frame the card sent, while a cable with `report` is plugged (for the frame trace). */
  | { readonly type: "frame"; readonly frame: Uint8Array }
  /** The guest reads a part of the /usr disk that the core does not hold. */
  | { readonly type: "disk-need"; readonly index: number }
  | { readonly type: "saved"; readonly id: number; readonly state: ArrayBuffer }
  | { readonly type: "file"; readonly id: number; readonly data: Uint8Array }
  | { readonly type: "done"; readonly id: number }
  | { readonly type: "failed"; readonly id: number; readonly message: string }
  /** The emulator itself failed (it could not start, or threw). */
  | { readonly type: "error"; readonly message: string }
  | { readonly type: "stopped" };

/** Where a VirtualMachine's emulator runs: the host posts HostMessages and hears CoreMessages. */
export interface EmulatorChannel {
  post(message: HostMessage, transfer?: Transferable[]): void;
  onMessage(listener: (message: CoreMessage) => void): void;
  /** Ends the emulator's thread (a worker) after "stopped"; nothing is heard afterwards. */
  close(): void;
}

/** Starts an emulator somewhere and returns the channel to it. */
export type EmulatorLauncher = () => Promise<EmulatorChannel>;
