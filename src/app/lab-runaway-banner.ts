// The way out of a runaway shell: says what is wrong with the learner's shell (a fork bomb filling its
// cgroup, or a console that stopped answering) and offers to stop the runaway processes; afterwards it
// says what was killed and what was kept. Renders nothing while the shell is fine.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { WORKSPACE_MESSAGES } from "../i18n/workspace-messages.ts";
import "../ui/lab-banner.ts";
import { buttonStyles } from "../ui/ui-styles.ts";
import { LabActionEvent } from "./lab-events.ts";
import type { RecoveryState } from "../session/shell-health-controller.ts";
import type { ShellHealth } from "../session/shell-health.ts";

/** How many process names the report lists before "…". */
const LISTED_NAMES = 8;

@customElement("lab-runaway-banner")
export class LabRunawayBanner extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0;
      }
      .killed {
        margin-top: 0.4rem;
        font-family: var(--lab-font-mono);
        font-size: 0.8em;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) health: ShellHealth = { kind: "healthy" };
  @property({ attribute: false }) recovery: RecoveryState = { kind: "idle" };

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  override render() {
    const m = WORKSPACE_MESSAGES[this.locale];
    const recovery = this.recovery;
    if (recovery.kind === "stopped") {
      const { report } = recovery;
      const names = report.killedByName.slice(0, LISTED_NAMES).map(([name, count]) => `${name} ×${count}`);
      if (report.killedByName.length > LISTED_NAMES) names.push("…");
      return html`<lab-banner
        tone="info"
        heading=${m.stoppedTitle}
        dismissible
        dismiss-label=${m.cancel}
        role="status"
        data-testid="runaway-stopped"
        @banner-dismiss=${() => this.dispatchEvent(new LabActionEvent("dismiss-recovery"))}
      >
        <p data-testid="runaway-stopped-message">
          ${report.killed === 0 ? m.nothingStopped(report.keptShells) : m.stoppedBody(report.killed, report.keptShells)}
        </p>
        ${names.length > 0 ? html`<p class="killed" data-testid="runaway-killed">${m.killedList}: ${names.join(", ")}</p>` : nothing}
      </lab-banner>`;
    }
    const health = this.health;
    if (health.kind === "healthy" && recovery.kind !== "failed") return nothing;
    const stopping = recovery.kind === "stopping";
    const [heading, body] =
      recovery.kind === "failed"
        ? [m.stopFailedTitle, recovery.message]
        : health.kind === "runaway"
          ? [m.runawayTitle, m.runawayBody(health.processes, health.limit)]
          : [m.silentTitle, m.silentBody(health.kind === "silent" ? Math.round(health.silentMs / 1000) : 0)];
    return html`<lab-banner tone="warning" heading=${heading} role="alert" data-testid="runaway-banner" data-kind=${health.kind}>
      <p>${body}</p>
      <button
        slot="actions"
        class="primary"
        data-testid="stop-runaway-button"
        title=${m.stopRunawayTitle}
        ?disabled=${stopping}
        @click=${() => this.dispatchEvent(new LabActionEvent("stop-runaway"))}
      >
        ${stopping ? m.stopping : m.stopRunaway}
      </button>
    </lab-banner>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-runaway-banner": LabRunawayBanner;
  }
}
