// "Join the class" in the lab's header: shown only when the page was served by a class server. Joining
// asks for a name and says what is shared; once joined it shows the name, updates waiting to be sent
// (the server away) and a Leave button. Nothing here holds up the lab.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { buttonStyles } from "../ui/ui-styles.ts";
import type { ClassClient } from "./class-client.ts";
import { CLASS_MESSAGES } from "./class-messages.ts";
import { MAX_NAME_LENGTH } from "./class-protocol.ts";
import { ClassStatusController } from "./class-status-controller.ts";

@customElement("lab-class-join")
export class LabClassJoin extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        position: relative;
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
        font-size: 0.85rem;
      }
      .badge {
        color: var(--lab-text-muted);
        white-space: nowrap;
      }
      .away {
        color: var(--lab-warning);
      }
      form {
        position: absolute;
        top: calc(100% + 0.5rem);
        right: 0;
        z-index: 10;
        width: 20rem;
        display: grid;
        gap: 0.6rem;
        padding: 0.9rem;
        border: 1px solid var(--lab-border-strong);
        border-radius: 0.6rem;
        background: var(--lab-surface);
        box-shadow: 0 8px 24px rgb(0 0 0 / 40%);
      }
      input {
        font: inherit;
        padding: 0.4rem 0.6rem;
        border-radius: 0.4rem;
        border: 1px solid var(--lab-border-strong);
        background: var(--lab-surface-raised);
        color: var(--lab-text);
      }
      p {
        margin: 0;
        color: var(--lab-text-muted);
        line-height: 1.4;
      }
      .error {
        color: var(--lab-danger);
      }
      .row {
        display: flex;
        gap: 0.5rem;
        justify-content: flex-end;
      }
    `,
  ];

  @property({ attribute: false }) client: ClassClient | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  @state() private asking = false;
  @state() private joining = false;
  @state() private name = "";

  constructor() {
    super();
    new ClassStatusController(this, () => this.client);
  }

  override render() {
    const m = CLASS_MESSAGES[this.locale];
    const status = this.client?.status;
    if (!status || status.kind === "unavailable") return nothing;
    if (status.kind === "joined") {
      return html`<span class="badge" data-testid="class-joined">${m.inClassAs(status.name)}</span>
        ${status.queued > 0
          ? html`<span class="badge ${status.reachable ? "" : "away"}" data-testid="class-queued" title=${status.reachable ? "" : m.serverAway}
              >${m.queued(status.queued)}</span
            >`
          : nothing}
        <button data-testid="class-leave" @click=${() => this.client?.leave()}>${m.leave}</button>`;
    }
    return html`<button data-testid="class-join" title=${m.joinTitle} aria-expanded=${this.asking ? "true" : "false"} @click=${this.toggle}>
        ${m.joinClass}
      </button>
      ${status.error === "server-forgot" && !this.asking ? html`<span class="badge away" data-testid="class-error">${m.serverForgot}</span>` : nothing}
      ${this.asking
        ? html`<form data-testid="class-join-form" @submit=${this.submit}>
            <label>
              <p>${m.yourName}</p>
              <input
                data-testid="class-name"
                maxlength=${MAX_NAME_LENGTH}
                autocomplete="name"
                required
                .value=${this.name}
                @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
              />
            </label>
            <p>${m.joinExplain}</p>
            ${status.error === "join-failed" ? html`<p class="error" data-testid="class-error">${m.joinFailed}</p>` : nothing}
            <div class="row">
              <button type="button" @click=${this.toggle}>${m.cancel}</button>
              <button type="submit" class="primary" data-testid="class-join-submit" ?disabled=${this.joining || this.name.trim() === ""}>
                ${m.join}
              </button>
            </div>
          </form>`
        : nothing}`;
  }

  private readonly toggle = (): void => {
    this.asking = !this.asking;
  };

  private readonly submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!this.client || this.joining) return;
    this.joining = true;
    const joined = await this.client.join(this.name);
    this.joining = false;
    if (joined) this.asking = false;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-class-join": LabClassJoin;
  }
}
