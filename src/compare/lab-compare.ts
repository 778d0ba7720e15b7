// The comparison view: VM 2's own console next to the learner's VM 1, containers inside VM 1, and the
// figures that tell them apart, drawn as charts: start time, memory, image size, the overhead of the
// same work, kernel identity, process visibility, the two networks and what a fault takes down.
// Everything shown comes from ComparisonLab, which measured it in the guests.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import { vmSessionContext } from "../session/vm-session-context.ts";
import { isRunning, type VmSession } from "../session/vm-session.ts";
import type { Locale } from "../exercises/locales.ts";
import { COMPARE_MESSAGES, type CompareMessages } from "./compare-messages.ts";
import { localeContext } from "../i18n/locale-context.ts";
import "../ui/lab-banner.ts";
import { buttonStyles } from "../ui/ui-styles.ts";
import { browserComparisonOptions } from "./browser-comparison-options.ts";
import { ComparisonController } from "./comparison-controller.ts";
import type { ComparisonLab, ComparisonState } from "./comparison-lab.ts";
import { WORKLOAD_BYTES } from "./guest-scripts.ts";
import "./lab-bar-chart.ts";
import { figureStyles } from "./figure-styles.ts";
import "./lab-kernel-figure.ts";
import type { Bar } from "./lab-bar-chart.ts";
import "./lab-second-vm.ts";
import { MIN_DEVICE_MEMORY_GB } from "./memory-guard.ts";

const MIB = 1024 * 1024;

@customElement("lab-compare")
export class LabCompare extends LitElement {
  static override styles = [
    buttonStyles,
    figureStyles,
    css`
      :host {
        display: block;
        overflow: auto;
        min-height: 0;
        padding: 1rem;
        border: 1px solid var(--lab-border);
        border-radius: 0.75rem;
        background: var(--lab-surface);
        color: var(--lab-text);
        font-size: 0.9rem;
      }
      h2 {
        margin: 0 0 0.4rem;
        font-size: 1.05rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0.6rem 0;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        gap: 1rem;
        margin-top: 1rem;
      }
      .path {
        font-family: var(--lab-font-mono);
        font-size: 0.75rem;
        color: var(--lab-text-muted);
      }
      .frames {
        max-height: 9rem;
        overflow: auto;
        font-family: var(--lab-font-mono);
        font-size: 0.72rem;
      }
      lab-banner {
        margin: 0.4rem 0;
      }
      lab-second-vm {
        margin-top: 0.5rem;
        height: 20rem;
      }
    `,
  ];

  @consume({ context: vmSessionContext, subscribe: true })
  @state()
  session: VmSession | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  private readonly comparison = new ComparisonController(this, () => this.session, browserComparisonOptions);

  override render() {
    const m = COMPARE_MESSAGES[this.locale];
    const lab = this.comparison.lab;
    const s = this.comparison.state;
    if (!lab || !s) return html`<p>${m.vm2NotRunning}</p>`;
    const busy = s.busy !== undefined;
    const vm2Running = isRunning(s.vm2);
    return html`
      <h2>${m.heading}</h2>
      <p>${m.intro}</p>
      <p class="note">${m.ownWorkers}</p>
      <div class="actions" role="group">
        ${lab.secondSession
          ? html`<button data-testid="close-vm2" ?disabled=${busy} @click=${() => void lab.closeSecondVm()}>${m.closeVm2}</button>`
          : html`<button class="primary" data-testid="boot-vm2" ?disabled=${busy} @click=${() => void lab.bootSecondVm()}>${m.bootVm2}</button>`}
        <button data-testid="start-container" ?disabled=${busy} @click=${() => void lab.startContainer()}>${m.startContainer}</button>
        <button data-testid="measure" ?disabled=${busy} @click=${() => void lab.measure()}>${m.measure}</button>
        <button data-testid="remove-containers" ?disabled=${busy || s.containerStarts.length === 0} @click=${() => void lab.removeContainers()}>
          ${m.removeContainers}
        </button>
      </div>
      ${this.renderMessages(m, s)}
      ${lab.secondSession
        ? html`<lab-second-vm data-testid="vm2" .session=${lab.secondSession} heading=${m.vm2Console}></lab-second-vm>`
        : html`<p class="note">${m.vm2NotRunning}</p>`}
      ${s.vm2?.phase === "error" ? html`<lab-banner tone="warning" data-testid="vm2-panicked">${m.vm2Panicked}</lab-banner>` : nothing}
      <div class="grid">
        ${this.renderStartTimes(m, s)} ${this.renderMemory(m, s)} ${this.renderImages(m, s)} ${this.renderOverhead(m, s, lab, busy)}
        <lab-kernel-figure .figures=${s}></lab-kernel-figure> ${this.renderNetwork(m, s, lab, busy, vm2Running)} ${this.renderFaults(m, s, lab, busy, vm2Running)}
      </div>
    `;
  }

  private renderMessages(m: CompareMessages, s: ComparisonState) {
    return html`
      ${s.busy ? html`<p class="note" role="status" data-testid="compare-busy">${m.working(s.busy)}</p>` : nothing}
      ${s.error
        ? html`<lab-banner tone="error" heading=${m.failed(s.error.action)} data-testid="compare-error">${s.error.message}</lab-banner>`
        : nothing}
      ${s.refusal && !s.refusal.allowed
        ? html`<lab-banner tone="warning" data-testid="compare-refused"
            >${s.refusal.reason === "small-device"
              ? m.refusedSmallDevice(s.refusal.deviceMemoryGb, MIN_DEVICE_MEMORY_GB)
              : m.refusedHeapFull(Math.round(s.refusal.heapUsed / 1e6), Math.round(s.refusal.heapLimit / 1e6))}</lab-banner
          >`
        : nothing}
    `;
  }

  private renderStartTimes(m: CompareMessages, s: ComparisonState) {
    const bars: Bar[] = [
      { label: m.vm2ColdBoot, value: s.vm2BootMs, text: s.vm2BootMs === undefined ? m.noFigure : m.seconds(s.vm2BootMs), tone: "vm" },
      ...(s.vm1Restored && s.vm1BootMs !== undefined ? [{ label: m.vm1Restore, value: s.vm1BootMs, text: m.seconds(s.vm1BootMs), tone: "vm" as const }] : []),
      ...s.containerStarts.map((c) => ({ label: m.containerStart(c.name), value: c.startMs, text: m.ms(c.startMs), tone: "container" as const })),
    ];
    return html`<section data-testid="figure-start">
      <h3>${m.startTime}</h3>
      <lab-bar-chart log log-note=${m.logScale} .bars=${bars} caption=${m.startTime}></lab-bar-chart>
      <p class="note">${m.startTimeNote}</p>
    </section>`;
  }

  private renderMemory(m: CompareMessages, s: ComparisonState) {
    const reserved = s.memoryBytes;
    const vmBar = (vm: string): Bar => ({
      label: m.vmReserved(vm),
      value: reserved === undefined ? undefined : reserved / MIB,
      text: reserved === undefined ? m.noFigure : m.mib(reserved / MIB),
      tone: "vm",
    });
    const bars: Bar[] = [
      vmBar(m.vm1),
      ...(s.vm2 ? [vmBar(m.vm2)] : []),
      ...s.containers.map((c) => ({ label: m.containerMemory(c.name), value: c.memoryCurrent / MIB, text: m.mib(c.memoryCurrent / MIB), tone: "container" as const })),
    ];
    return html`<section data-testid="figure-memory">
      <h3>${m.memory}</h3>
      <lab-bar-chart .bars=${bars} caption=${m.memory}></lab-bar-chart>
      <p class="note">${m.memoryNote}</p>
    </section>`;
  }

  private renderImages(m: CompareMessages, s: ComparisonState) {
    const image = s.containerStarts[0]?.imageBytes;
    const bars: Bar[] = [
      { label: m.vmImage, value: s.vmImageBytes, text: s.vmImageBytes === undefined ? m.noFigure : m.mib(s.vmImageBytes / MIB), tone: "vm" },
      { label: m.containerImage, value: image, text: image === undefined ? m.noFigure : m.mib(image / MIB), tone: "container" },
    ];
    return html`<section data-testid="figure-image">
      <h3>${m.imageSize}</h3>
      <lab-bar-chart .bars=${bars} caption=${m.imageSize}></lab-bar-chart>
      <p class="note">${m.imageSizeNote}</p>
    </section>`;
  }

  private renderOverhead(m: CompareMessages, s: ComparisonState, lab: ComparisonLab, busy: boolean) {
    const o = s.overhead;
    const bars: Bar[] = [
      { label: m.native, value: o?.nativeMs, text: o ? m.ms(o.nativeMs) : m.noFigure, tone: "native" },
      { label: m.inVm, value: o?.vmMs, text: o ? m.ms(o.vmMs) : m.noFigure, tone: "vm" },
      { label: m.inContainer(o?.container ?? "c1"), value: o?.containerMs, text: o ? m.ms(o.containerMs) : m.noFigure, tone: "container" },
    ];
    return html`<section data-testid="figure-overhead">
      <h3>${m.overhead}</h3>
      <p class="note">${m.overheadNote(WORKLOAD_BYTES / MIB)}</p>
      <div class="actions">
        <button data-testid="measure-overhead" ?disabled=${busy} @click=${() => void lab.measureOverhead()}>${m.measureOverhead}</button>
      </div>
      <lab-bar-chart log log-note=${m.logScale} .bars=${bars} caption=${m.overhead}></lab-bar-chart>
      ${o
        ? html`<ul data-testid="overhead-ratios">
            <li>${m.ratioVmNative((o.vmMs / Math.max(o.nativeMs, 0.01)).toFixed(0))}</li>
            <li>${m.ratioContainerVm(o.containerMs / o.vmMs)}</li>
            <li>${o.digestsMatch ? m.digestsMatch : m.digestsDiffer}</li>
          </ul>`
        : nothing}
    </section>`;
  }

  private renderNetwork(m: CompareMessages, s: ComparisonState, lab: ComparisonLab, busy: boolean, vm2Running: boolean) {
    const ping = (p: ComparisonState["vmPing"]) =>
      p ? html`<p data-testid="ping-result">${m.pingResult(p.received, p.rttsMs.map((t) => m.ms(t)).join(", "))} · ${m.neighbour(p.neighbour || "-")}</p>` : nothing;
    return html`<section data-testid="figure-network">
      <h3>${m.network}</h3>
      <p class="note">${m.networkNote}</p>
      <p class="path">${m.vmPath}</p>
      <div class="actions">
        <button data-testid="ping-vms" ?disabled=${busy || !vm2Running} @click=${() => void lab.pingVms()}>${m.pingVms}</button>
      </div>
      ${ping(s.vmPing)}
      ${s.framesTotal > 0
        ? html`<p class="note">${m.frames(s.framesTotal)}</p>
            <ol class="frames" data-testid="frames">
              ${s.frames.map((f) => html`<li>${f.from === "vm1" ? "VM 1 →" : "VM 2 →"} ${f.summary.text} (${f.summary.bytes} B)</li>`)}
            </ol>`
        : nothing}
      <p class="path">${m.containerPath}</p>
      <div class="actions">
        <button data-testid="ping-containers" ?disabled=${busy || s.containerStarts.length < 2} @click=${() => void lab.pingContainers()}>
          ${m.pingContainers}
        </button>
      </div>
      ${ping(s.containerPing)}
    </section>`;
  }

  private renderFaults(m: CompareMessages, s: ComparisonState, lab: ComparisonLab, busy: boolean, vm2Running: boolean) {
    return html`<section data-testid="figure-faults">
      <h3>${m.faults}</h3>
      <p class="note">${m.faultsNote}</p>
      <div class="actions">
        <button data-testid="panic-vm2" ?disabled=${busy || !vm2Running} @click=${() => void lab.panicSecondVm()}>${m.panicVm2}</button>
        <button data-testid="memory-hog" ?disabled=${busy || s.containerStarts.length < 2} @click=${() => void lab.runMemoryHog()}>${m.memoryHog}</button>
      </div>
      ${s.panic ? html`<p data-testid="panic-result">${m.panicResult(s.panic.vm1AnsweredMs, s.panic.vm1BootIdUnchanged)}</p>` : nothing}
      ${s.oom ? html`<p data-testid="oom-result">${m.oomResult(s.oom.container, s.oom.oomKills, s.oom.othersAlive.join(", ") || "-")}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-compare": LabCompare;
  }
}
