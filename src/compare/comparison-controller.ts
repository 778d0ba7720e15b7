// Keeps a ComparisonLab for as long as the comparison view is on the page: created for VM 1's session,
// re-rendering the view on every change, and disposed (VM 2 shut down, its memory released) when the
// view leaves the page or VM 1's session changes.
import type { ReactiveControllerHost } from "lit";
import type { VmSession } from "../session/vm-session.ts";
import { SourceBoundController } from "../ui/source-bound-controller.ts";
import type { Unsubscribe } from "../shared/typed-events.ts";
import { ComparisonLab, type ComparisonLabOptions, type ComparisonState } from "./comparison-lab.ts";

export class ComparisonController extends SourceBoundController<VmSession> {
  lab: ComparisonLab | undefined;
  state: ComparisonState | undefined;

  constructor(
    host: ReactiveControllerHost,
    source: () => VmSession | undefined,
    private readonly makeOptions: (vm1: VmSession) => ComparisonLabOptions,
  ) {
    super(host, source);
  }

  protected subscribe(vm1: VmSession): Unsubscribe[] {
    const lab = new ComparisonLab(this.makeOptions(vm1));
    this.lab = lab;
    this.state = lab.state;
    const off = lab.events.on("change", (state) => {
      this.state = state;
      this.host.requestUpdate();
    });
    return [
      () => {
        off();
        if (this.lab === lab) this.lab = undefined;
        void lab.dispose();
      },
    ];
  }

  protected sourceChanged(): void {
    if (!this.lab) this.state = undefined;
    this.host.requestUpdate();
  }
}
