// A reactive controller that keeps a Lit element subscribed to a service it is given (from context or a
// property, so it may arrive late or change): the subscriptions follow the source, and are released when
// the element leaves the page.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Unsubscribe } from "../shared/typed-events.ts";

export abstract class SourceBoundController<Source> implements ReactiveController {
  private bound: Source | undefined;
  private subscriptions: Unsubscribe[] = [];
  private connected = false;

  constructor(
    protected readonly host: ReactiveControllerHost,
    private readonly source: () => Source | undefined,
  ) {
    host.addController(this);
  }

  /** The source this controller is subscribed to. */
  protected get current(): Source | undefined {
    return this.bound;
  }

  hostConnected(): void {
    this.connected = true;
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.follow();
  }

  /** Subscribes to a source; returns what undoes it. */
  protected abstract subscribe(source: Source): Unsubscribe[];

  /** Called after the controller switched sources (or lost its source). */
  protected abstract sourceChanged(source: Source | undefined): void;

  private follow(): void {
    const next = this.connected ? this.source() : undefined;
    if (next === this.bound) return;
    for (const unsubscribe of this.subscriptions) unsubscribe();
    this.bound = next;
    this.subscriptions = next === undefined ? [] : this.subscribe(next);
    this.sourceChanged(next);
  }
}
