// The learner's extra login shells on the serial ports after the agent's (ttyS2, ttyS3: as many as
// the manifest's `uarts` gives the machine). Each port's output is batched per task like the console's;
// input is paced to what the guest reads (see serial-writer.ts).
import { SerialWriter } from "./serial-writer.ts";

/** The serial ports of learner shells besides the console (ttyS0) and the agent (ttyS1). */
export function extraShellPorts(uarts: number): (2 | 3)[] {
  return ([2, 3] as const).filter((port) => port < uarts);
}

export interface SerialLineOutput {
  readonly port: number;
  readonly bytes: Uint8Array;
}

/** What the lines need from v86: its serial ports, by number. */
export interface SerialPorts {
  send(port: number, bytes: Uint8Array): void;
  onByte(port: number, listener: (byte: number) => void): void;
  queueLength(port: number): number | undefined;
}

export class SerialLines {
  private readonly writers = new Map<number, SerialWriter>();
  private readonly batches = new Map<number, number[]>();

  constructor(
    ports: readonly number[],
    serial: SerialPorts,
    private readonly emit: (output: SerialLineOutput) => void,
  ) {
    for (const port of ports) {
      this.writers.set(port, new SerialWriter((bytes) => serial.send(port, bytes), () => serial.queueLength(port)));
      serial.onByte(port, (byte) => this.receive(port, byte));
    }
  }

  get ports(): number[] {
    return [...this.writers.keys()];
  }

  send(port: number, bytes: Uint8Array): void {
    this.writers.get(port)?.write(bytes);
  }

  dispose(): void {
    for (const writer of this.writers.values()) writer.dispose();
    this.writers.clear();
    this.batches.clear();
  }

  private receive(port: number, byte: number): void {
    let batch = this.batches.get(port);
    if (batch) {
      batch.push(byte);
      return;
    }
    batch = [byte];
    this.batches.set(port, batch);
    // v86 reports one byte per event; deliver them as one chunk per task.
    queueMicrotask(() => {
      this.batches.delete(port);
      if (this.writers.has(port)) this.emit({ port, bytes: Uint8Array.from(batch) });
    });
  }
}
