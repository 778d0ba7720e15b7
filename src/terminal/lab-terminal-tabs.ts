// The terminals' bar: one tab per open terminal with its number and where its shell is now (from the
// agent), a new terminal, the split, and a shell in a running container. Keyboard: arrow keys move
// between tabs (one tab stop, as a tablist should), Delete closes one. Requests go up as events.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { RunningContainer, ShellLineStatus } from "../session/shell-places.ts";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { WORKSPACE_MESSAGES } from "../i18n/workspace-messages.ts";
import { buttonStyles } from "../ui/ui-styles.ts";
import { TerminalRequestEvent, type TerminalRequest } from "./terminal-events.ts";
import { DEFAULT_LAYOUT, terminalNumber, type TerminalLayout } from "./terminal-layout.ts";

@customElement("lab-terminal-tabs")
export class LabTerminalTabs extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        min-width: 0;
        flex-wrap: wrap;
      }
      [role="tablist"] {
        display: flex;
        gap: 0.25rem;
        min-width: 0;
        flex-wrap: wrap;
      }
      .tab {
        display: inline-flex;
        align-items: center;
        border-radius: 0.45rem;
        border: 1px solid var(--lab-border);
        background: var(--lab-surface-raised);
      }
      .tab[data-active] {
        border-color: var(--lab-accent);
        background: color-mix(in srgb, var(--lab-accent) 14%, var(--lab-surface));
      }
      .tab button {
        border: none;
        background: transparent;
        padding: 0.15rem 0.5rem;
        font-size: 0.78rem;
        font-family: var(--lab-font-mono);
        font-weight: 500;
      }
      .tab button.close {
        padding: 0.15rem 0.35rem;
        color: var(--lab-text-muted);
      }
      .number {
        font-weight: 700;
        margin-right: 0.35rem;
      }
      .dead {
        color: var(--lab-danger);
      }
      .bar-button {
        padding: 0.15rem 0.55rem;
        font-size: 0.78rem;
      }
      .menu {
        position: relative;
      }
      .menu [role="menu"] {
        position: absolute;
        z-index: 10;
        top: calc(100% + 0.3rem);
        left: 0;
        min-width: 14rem;
        max-width: 22rem;
        padding: 0.3rem;
        border: 1px solid var(--lab-border-strong);
        border-radius: 0.5rem;
        background: var(--lab-surface);
        box-shadow: 0 12px 32px rgb(0 0 0 / 0.45);
      }
      .menu [role="menuitem"] {
        display: flex;
        width: 100%;
        border: none;
        justify-content: flex-start;
        font-family: var(--lab-font-mono);
        font-weight: 500;
      }
      .menu p {
        margin: 0.3rem 0.5rem;
        font-size: 0.8rem;
        color: var(--lab-text-muted);
        white-space: normal;
      }
    `,
  ];

  @property({ attribute: false }) layout: TerminalLayout = DEFAULT_LAYOUT;
  @property({ attribute: false }) lines: readonly ShellLineStatus[] = [];
  @property({ attribute: false }) containers: readonly RunningContainer[] = [];
  /** Whether a terminal can still be opened (a serial line without a tab). */
  @property({ type: Boolean, attribute: "can-open" }) canOpen = false;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  @state() private menuOpen = false;

  override render() {
    const m = WORKSPACE_MESSAGES[this.locale];
    const layout = this.layout;
    return html`
      <div role="tablist" aria-label=${m.terminals} @keydown=${this.onTabKey}>
        ${layout.tabs.map((port) => {
          const number = terminalNumber(port);
          const status = this.lines.find((line) => line.port === port);
          const dead = status !== undefined && status.shellPid === undefined;
          const place = dead ? m.shellEnded : status?.place.kind === "container" ? m.inContainer(status.place.name) : m.host;
          const active = port === layout.active;
          return html`<span class="tab" ?data-active=${active || port === layout.split}>
            <button
              role="tab"
              id="tab-${port}"
              data-testid="terminal-tab"
              data-terminal=${number}
              data-place=${place}
              aria-selected=${active ? "true" : "false"}
              aria-label=${m.terminalTab(number, place)}
              tabindex=${active ? 0 : -1}
              @click=${() => this.request({ kind: "activate", port })}
            >
              <span class="number" aria-hidden="true">${number}</span><span class=${dead ? "dead" : ""} aria-hidden="true">${place}</span>
            </button>
            ${dead
              ? html`<button class="close" data-testid="restart-shell" aria-label=${m.restartShell(number)} title=${m.restartShell(number)}
                  @click=${() => this.request({ kind: "restart", port })}>↻</button>`
              : nothing}
            ${layout.tabs.length > 1
              ? html`<button class="close" tabindex="-1" data-testid="close-terminal" aria-label=${m.closeTerminal(number)} title=${m.closeTerminal(number)}
                  @click=${() => this.request({ kind: "close", port })}>×</button>`
              : nothing}
          </span>`;
        })}
      </div>
      <button
        class="bar-button"
        data-testid="new-terminal"
        title=${this.canOpen ? m.newTerminalTitle : m.allTerminalsOpen}
        aria-label=${m.newTerminal}
        ?disabled=${!this.canOpen}
        @click=${() => this.request({ kind: "open" })}
      >+</button>
      <button
        class="bar-button"
        data-testid="split-toggle"
        title=${m.splitTitle}
        aria-pressed=${layout.split !== undefined ? "true" : "false"}
        @click=${() => this.request({ kind: "split" })}
      >${m.split}</button>
      <span class="menu" @focusout=${this.onMenuFocusOut} @keydown=${this.onMenuKey}>
        <button
          class="bar-button"
          data-testid="container-shell"
          title=${m.containerShellTitle}
          aria-haspopup="menu"
          aria-expanded=${this.menuOpen ? "true" : "false"}
          @click=${this.toggleMenu}
        >${m.containerShell}</button>
        ${this.menuOpen ? this.renderMenu() : nothing}
      </span>
    `;
  }

  private renderMenu() {
    const m = WORKSPACE_MESSAGES[this.locale];
    return html`<div role="menu" data-testid="container-menu" aria-label=${m.containerShell}>
      ${this.containers.length === 0
        ? html`<p data-testid="no-containers">${m.noContainers}</p>`
        : this.containers.map(
            (c) => html`<button role="menuitem" data-testid="container-item" data-name=${c.name}
              @click=${() => { this.menuOpen = false; this.request({ kind: "container", pid: c.pid, name: c.name }); }}>
              ${c.name} <span aria-hidden="true">&nbsp;· PID ${c.pid}</span>
            </button>`,
          )}
    </div>`;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // The menu takes the focus when it opens (not when its list is refreshed while open).
    if (changed.has("menuOpen") && this.menuOpen) this.renderRoot.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }

  private readonly toggleMenu = (): void => {
    this.menuOpen = !this.menuOpen;
    if (this.menuOpen) this.request({ kind: "list-containers" });
  };

  private request(request: TerminalRequest): void {
    this.dispatchEvent(new TerminalRequestEvent(request));
  }

  private readonly onTabKey = (event: KeyboardEvent): void => {
    const tabs = this.layout.tabs;
    const index = tabs.indexOf(this.layout.active);
    let next: number | undefined;
    if (event.key === "ArrowRight") next = tabs[(index + 1) % tabs.length];
    else if (event.key === "ArrowLeft") next = tabs[(index - 1 + tabs.length) % tabs.length];
    else if (event.key === "Home") next = tabs[0];
    else if (event.key === "End") next = tabs.at(-1);
    else if (event.key === "Delete" && tabs.length > 1) this.request({ kind: "close", port: this.layout.active });
    if (next === undefined) return;
    event.preventDefault();
    this.request({ kind: "activate", port: next });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  };

  private readonly onMenuKey = (event: KeyboardEvent): void => {
    if (event.key === "Escape" && this.menuOpen) {
      event.stopPropagation();
      this.menuOpen = false;
      this.renderRoot.querySelector<HTMLElement>('[data-testid="container-shell"]')?.focus();
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
      const at = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
      items[(at + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length]?.focus();
      event.preventDefault();
    }
  };

  private readonly onMenuFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget;
    if (!(to instanceof Node) || !this.renderRoot.contains(to)) this.menuOpen = false;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-terminal-tabs": LabTerminalTabs;
  }
}
