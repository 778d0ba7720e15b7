// Runs a function at most once per animation frame, however often it is scheduled in between.

export class FrameTask {
  private handle: number | undefined;

  constructor(private readonly run: () => void) {}

  get scheduled(): boolean {
    return this.handle !== undefined;
  }

  schedule(): void {
    if (this.handle !== undefined) return;
    this.handle = requestAnimationFrame(() => {
      this.handle = undefined;
      this.run();
    });
  }

  cancel(): void {
    if (this.handle !== undefined) cancelAnimationFrame(this.handle);
    this.handle = undefined;
  }
}
