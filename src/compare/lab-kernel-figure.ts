// The comparison's kernel figure: which kernel (release, boot id, process count) VM 1, each container
// and VM 2 run on, whether VM 1 is a clone of the snapshot, and who can see whose processes. Containers
// share VM 1's boot id; VM 2 has its own, and VM 1 never sees VM 2's marker process.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import type { ComparisonState } from "./comparison-lab.ts";
import { COMPARE_MESSAGES } from "./compare-messages.ts";
import { figureStyles } from "./figure-styles.ts";

/** What the figure draws: the kernels measured and the marker counts. */
export type KernelFigures = Pick<ComparisonState, "vm1Identity" | "vm2Identity" | "containers" | "vm1IsClone" | "markerSeenByVm1" | "markerSeenByVm2">;

@customElement("lab-kernel-figure")
export class LabKernelFigure extends LitElement {
  static override styles = [
    figureStyles,
    css`
      /* a grid, so the figure's box fills its cell of the view's grid like the other figures */
      :host {
        display: grid;
      }
    `,
  ];

  @property({ attribute: false }) figures: KernelFigures | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  override render() {
    const s = this.figures;
    if (!s) return nothing;
    const m = COMPARE_MESSAGES[this.locale];
    const rows = [
      ...(s.vm1Identity ? [{ who: m.vm1, kernel: s.vm1Identity.kernel, bootId: s.vm1Identity.bootId, procs: s.vm1Identity.procs }] : []),
      ...s.containers.map((c) => ({ who: c.name, kernel: c.kernel, bootId: c.bootId, procs: c.procs })),
      ...(s.vm2Identity ? [{ who: m.vm2, kernel: s.vm2Identity.kernel, bootId: s.vm2Identity.bootId, procs: s.vm2Identity.procs }] : []),
    ];
    return html`<section data-testid="figure-kernels">
      <h3>${m.kernels}</h3>
      <p class="note">${m.kernelsNote}</p>
      ${rows.length === 0
        ? html`<p class="note">${m.noFigure}</p>`
        : html`<table>
            <thead>
              <tr><th></th><th>${m.kernelRelease}</th><th>${m.bootId}</th><th>${m.processes}</th></tr>
            </thead>
            <tbody>
              ${rows.map(
                (r) => html`<tr data-testid="kernel-row" data-who=${r.who}>
                  <th>${r.who}</th>
                  <td class="mono">${r.kernel}</td>
                  <td class="mono" data-testid="boot-id">${r.bootId}</td>
                  <td>${r.procs}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      ${s.vm1Identity ? html`<p class="note">${s.vm1IsClone ? m.cloneNote : m.coldNote}</p>` : nothing}
      <h3>${m.visibility}</h3>
      <ul data-testid="visibility">
        ${s.containers.map((c) => (c.visibleToVm ? html`<li>${m.vm1SeesContainer(c.name, c.pid)}</li>` : nothing))}
        ${s.markerSeenByVm1 !== undefined ? html`<li data-testid="vm1-sees-vm2">${m.vm1SeesVm2(s.markerSeenByVm1)}</li>` : nothing}
        ${s.markerSeenByVm2 !== undefined ? html`<li>${m.vm2SeesItself(s.markerSeenByVm2)}</li>` : nothing}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-kernel-figure": LabKernelFigure;
  }
}
