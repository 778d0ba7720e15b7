// Files dragged onto an element: while they hover, `dropping` is true (the element shows where they
// will go); dropped, they leave as one FilesDropEvent for the page to copy into the machine.
import type { ReactiveController, ReactiveElement } from "lit";
import { FilesDropEvent } from "./lab-events.ts";

export class FileDropController implements ReactiveController {
  /** Files hover over the host right now. */
  dropping = false;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener("dragover", this.onDragOver);
    this.host.addEventListener("dragleave", this.onDragLeave);
    this.host.addEventListener("drop", this.onDrop);
  }

  hostDisconnected(): void {
    this.host.removeEventListener("dragover", this.onDragOver);
    this.host.removeEventListener("dragleave", this.onDragLeave);
    this.host.removeEventListener("drop", this.onDrop);
    this.show(false);
  }

  private show(dropping: boolean): void {
    if (dropping === this.dropping) return;
    this.dropping = dropping;
    this.host.requestUpdate();
  }

  private readonly onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault(); // lets the drop happen
    event.dataTransfer.dropEffect = "copy";
    this.show(true);
  };

  private readonly onDragLeave = (event: DragEvent): void => {
    // Moving between the host's children fires dragleave too; only leaving the host counts.
    const to = event.relatedTarget;
    const host = this.host;
    if (!(to instanceof Node) || !(to === host || host.contains(to) || host.renderRoot.contains(to))) this.show(false);
  };

  private readonly onDrop = (event: DragEvent): void => {
    this.show(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    this.host.dispatchEvent(new FilesDropEvent(files));
  };
}
