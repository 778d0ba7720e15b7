// A horizontal bar chart: one labelled bar per figure, lengths to scale (or on a log scale when the
// figures span orders of magnitude, as a VM's boot and a container's start do), the value printed after
// each bar. Figures not measured yet show as an empty track. Laid out with CSS grid rather than a scaled
// SVG, so the text keeps the page's size however wide the panel is.
import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";

export interface Bar {
  readonly label: string;
  /** undefined: not measured yet. */
  readonly value: number | undefined;
  readonly text: string;
  readonly tone: "vm" | "container" | "native";
}

@customElement("lab-bar-chart")
export class LabBarChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .chart {
      display: grid;
      grid-template-columns: minmax(6rem, max-content) minmax(4rem, 1fr) minmax(4.5rem, max-content);
      align-items: center;
      gap: 0.35rem 0.75rem;
      font-size: 0.85rem;
    }
    .label {
      color: var(--lab-text);
      overflow-wrap: anywhere;
    }
    .value {
      color: var(--lab-text-muted);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .track {
      /* the track and its bar are spans: without display block their width and height do not apply */
      display: block;
      height: 0.9rem;
      border-radius: 0.2rem;
      background: var(--lab-surface-raised);
      overflow: hidden;
    }
    .bar {
      display: block;
      height: 100%;
      min-width: 2px;
      border-radius: 0.2rem;
    }
    .bar.empty {
      min-width: 0;
    }
    .vm {
      background: var(--lab-warning);
    }
    .container {
      background: var(--lab-success);
    }
    .native {
      background: var(--lab-accent);
    }
    .scale {
      margin: 0.35rem 0 0;
      font-size: 0.75rem;
      color: var(--lab-text-muted);
      text-align: right;
    }
  `;

  @property({ attribute: false }) bars: readonly Bar[] = [];
  /** Log scale: bars stay comparable when one figure is 100× another. */
  @property({ type: Boolean }) log = false;
  /** What the chart shows, for screen readers (the bars' texts follow). */
  @property() caption = "";
  /** Said under a log-scale chart, so nobody reads its lengths as proportional. */
  @property({ attribute: "log-note" }) logNote = "";

  override render() {
    const measured = this.bars.flatMap((b) => (b.value !== undefined && b.value > 0 ? [b.value] : []));
    const max = Math.max(...measured, 1);
    const min = Math.min(...measured, max);
    /** Bar length as a fraction of the track. */
    const fraction = (value: number): number => {
      if (value <= 0) return 0;
      if (!this.log) return value / max;
      // Log scale from a tenth of the smallest figure, so even the smallest bar is visible.
      const low = Math.log10(min / 10);
      return (Math.log10(value) - low) / (Math.log10(max) - low);
    };
    return html`<div class="chart" role="img" aria-label=${this.ariaText()} data-scale=${this.log ? "log" : "linear"}>
      ${this.bars.map((bar) => {
        const percent = bar.value === undefined ? 0 : Math.min(100, fraction(bar.value) * 100);
        return html`<span class="label" data-testid="bar" aria-hidden="true">${bar.label}</span>
          <span class="track" aria-hidden="true"
            ><span
              class="bar ${bar.tone} ${bar.value === undefined ? "empty" : ""}"
              data-testid="bar-fill"
              data-value=${bar.value ?? ""}
              style="width: ${percent.toFixed(1)}%"
            ></span
          ></span>
          <span class="value" aria-hidden="true">${bar.text}</span>`;
      })}
    </div>
    ${this.log && this.logNote ? html`<p class="scale" data-testid="log-scale-note">${this.logNote}</p>` : nothing}`;
  }

  private ariaText(): string {
    return [this.caption, this.log ? this.logNote : "", ...this.bars.map((b) => `${b.label}: ${b.text}`)].filter(Boolean).join("; ");
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-bar-chart": LabBarChart;
  }
}
