// VM 2's own console: a terminal wired to the second VM's session (provided here, so the terminal below
// talks to VM 2 while everything outside still talks to VM 1), with its status line. It shows VM 2's
// cold-boot log from the first kernel message, and takes keyboard input like VM 1's terminal.
// <lab-terminal> is the terminal feature's element: the page (src/app) registers it, features never
// import each other's elements.
import { provide } from "@lit/context";
import { LitElement, css, html } from "lit";
import { customElement, property } from "lit/decorators.js";
import { SessionStateController } from "../session/session-controller.ts";
import "../session/lab-vm-status.ts";
import { vmSessionContext } from "../session/vm-session-context.ts";
import type { VmSession } from "../session/vm-session.ts";

@customElement("lab-second-vm")
export class LabSecondVm extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 16rem;
      border: 1px solid var(--lab-border);
      border-radius: 0.75rem;
      overflow: hidden;
      background: var(--lab-terminal-bg);
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      padding: 0.4rem 0.75rem;
      border-bottom: 1px solid var(--lab-border);
      background: var(--lab-surface);
      font-size: 0.8rem;
      color: var(--lab-text-muted);
    }
    .title {
      font-family: var(--lab-font-mono);
      color: var(--lab-text);
    }
    lab-vm-status {
      margin-left: auto;
    }
    lab-terminal {
      flex: 1;
      min-height: 14rem;
    }
  `;

  /** VM 2's session; the terminal below gets it through the same context VM 1's terminal uses. */
  @provide({ context: vmSessionContext })
  @property({ attribute: false })
  session: VmSession | undefined;

  @property() heading = "";

  private readonly status = new SessionStateController(this, () => this.session);

  override render() {
    return html`
      <div class="bar">
        <span class="title">${this.heading}</span>
        <lab-vm-status data-testid="vm2-status" subject=${this.heading} .state=${this.status.state} .generation=${this.status.generation}></lab-vm-status>
      </div>
      <lab-terminal data-testid="vm2-terminal"></lab-terminal>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-second-vm": LabSecondVm;
  }
}
