// The file panel: copy a file from the learner's computer into the machine (a file chooser, or a file
// dropped onto the terminal, which the page shell hands to upload()) and copy a file out of it by its
// path. One transfer at a time, with progress and a clear message when it cannot be done.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import { SessionStateController } from "../session/session-controller.ts";
import { vmSessionContext } from "../session/vm-session-context.ts";
import type { VmSession } from "../session/vm-session.ts";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { downloadFile } from "../ui/download-file.ts";
import { PanelCloseEvent } from "../saved/saved-work-events.ts";
import { SAVED_MESSAGES, formatSize, type SavedMessages } from "../saved/saved-messages.ts";
import { buttonStyles } from "../ui/ui-styles.ts";
import "../ui/lab-banner.ts";
import {
  MAX_TRANSFER_BYTES,
  TransferError,
  checkGuestPath,
  defaultDestination,
  downloadFromGuest,
  uploadToGuest,
  type TransferProblem,
} from "./guest-files.ts";
import { errorText } from "../shared/error-text.ts";

type Activity =
  | { readonly kind: "idle" }
  | { readonly kind: "uploading"; readonly name: string; readonly done: number; readonly total: number }
  | { readonly kind: "downloading"; readonly path: string; readonly done: number; readonly total: number };

type Outcome =
  | { readonly kind: "uploaded"; readonly path: string; readonly size: number }
  | { readonly kind: "downloaded"; readonly name: string; readonly size: number }
  | { readonly kind: "failed"; readonly problem: TransferProblem }
  /** The machine stopped (or was replaced) before the transfer could start. */
  | { readonly kind: "not-ready" };

@customElement("lab-file-transfer")
export class LabFileTransfer extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        position: fixed;
        right: 1.25rem;
        top: 4.5rem;
        z-index: 40;
        width: min(28rem, calc(100vw - 2rem));
        padding: 1rem 1.1rem;
        border: 1px solid var(--lab-border-strong);
        border-radius: 0.75rem;
        background: var(--lab-surface);
        color: var(--lab-text);
        box-shadow: 0 16px 40px rgb(0 0 0 / 0.45);
        font-size: 0.875rem;
      }
      :host([hidden]) {
        display: none;
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        margin-bottom: 0.5rem;
      }
      h2 {
        margin: 0;
        font-size: 1rem;
      }
      h3 {
        margin: 0.8rem 0 0.4rem;
        font-size: 0.9rem;
      }
      .hint {
        margin: 0 0 0.5rem;
        color: var(--lab-text-muted);
        font-size: 0.8rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        align-items: end;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
        flex: 1;
        font-size: 0.8rem;
        color: var(--lab-text-muted);
      }
      input[type="text"] {
        font: inherit;
        font-family: var(--lab-font-mono);
        font-size: 0.85rem;
        padding: 0.35rem 0.5rem;
        border-radius: 0.4rem;
        border: 1px solid var(--lab-border-strong);
        background: var(--lab-surface-raised);
        color: var(--lab-text);
      }
      input[type="file"] {
        display: none;
      }
      progress {
        width: 100%;
        margin-top: 0.3rem;
      }
      .status {
        margin-top: 0.8rem;
      }
      lab-banner {
        margin-top: 0.8rem;
      }
    `,
  ];

  @consume({ context: vmSessionContext, subscribe: true })
  @state()
  session: VmSession | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  @state() private activity: Activity = { kind: "idle" };
  @state() private outcome: Outcome | undefined;
  @state() private directory = "/root";
  @state() private guestPath = "/root/";

  private readonly status = new SessionStateController(this, () => this.session);

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute("role", "dialog");
    this.setAttribute("data-testid", "file-transfer");
  }

  protected override willUpdate(): void {
    // The dialog is the host; its heading is in the shadow root, out of aria-labelledby's reach.
    this.setAttribute("aria-label", SAVED_MESSAGES[this.locale].filesHeading);
  }

  override render() {
    const m = SAVED_MESSAGES[this.locale];
    const busy = this.activity.kind !== "idle";
    const ready = this.status.state?.phase === "ready";
    return html`
      <header>
        <h2 id="files-title">${m.filesHeading}</h2>
        <button data-testid="close-files" @click=${this.onClose}>${m.close}</button>
      </header>
      <h3>${m.uploadHeading}</h3>
      <p class="hint">${m.uploadHint(formatSize(MAX_TRANSFER_BYTES))}</p>
      <div class="row">
        <label
          >${m.destinationLabel}
          <input
            type="text"
            data-testid="upload-directory"
            .value=${this.directory}
            @input=${(e: Event) => (this.directory = (e.target as HTMLInputElement).value)}
        /></label>
        <button class="primary" data-testid="choose-upload" ?disabled=${busy || !ready} @click=${this.onChoose}>${m.chooseFile}</button>
      </div>
      <input type="file" data-testid="upload-input" @change=${this.onFileChosen} />
      <h3>${m.downloadHeading}</h3>
      <div class="row">
        <label
          >${m.guestPathLabel}
          <input
            type="text"
            data-testid="download-path"
            .value=${this.guestPath}
            @input=${(e: Event) => (this.guestPath = (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => e.key === "Enter" && void this.download()}
        /></label>
        <button data-testid="download-button" ?disabled=${busy || !ready} @click=${() => void this.download()}>${m.download}</button>
      </div>
      ${ready ? nothing : html`<p class="hint status">${m.machineNotReady}</p>`} ${this.renderActivity(m)} ${this.renderOutcome(m)}
    `;
  }

  /** Copies files into the machine, one after another; stops at the first that fails. */
  async upload(files: readonly File[], directory = this.directory): Promise<void> {
    if (this.activity.kind !== "idle") return;
    this.outcome = undefined;
    for (const file of files) {
      if (!(await this.uploadOne(file, directory))) return;
    }
  }

  private async uploadOne(file: File, directory: string): Promise<boolean> {
    const vm = this.session?.vm;
    if (!vm || this.status.state?.phase !== "ready") {
      this.outcome = { kind: "not-ready" };
      return false;
    }
    let path: string;
    try {
      path = checkGuestPath(defaultDestination(file.name, directory.trim() || "/root"));
    } catch (error) {
      this.fail(error);
      return false;
    }
    this.activity = { kind: "uploading", name: file.name, done: 0, total: file.size };
    try {
      const data = new Uint8Array(await file.arrayBuffer());
      await uploadToGuest(vm, data, path, {
        onProgress: (done, total) => (this.activity = { kind: "uploading", name: file.name, done, total }),
      });
      this.outcome = { kind: "uploaded", path, size: data.length };
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    } finally {
      this.activity = { kind: "idle" };
    }
  }

  private async download(): Promise<void> {
    const vm = this.session?.vm;
    if (!vm || this.activity.kind !== "idle" || this.status.state?.phase !== "ready") return;
    this.outcome = undefined;
    const path = this.guestPath;
    this.activity = { kind: "downloading", path, done: 0, total: 0 };
    try {
      const data = await downloadFromGuest(vm, path, {
        onProgress: (done, total) => (this.activity = { kind: "downloading", path, done, total }),
      });
      const name = path.trim().split("/").pop() || "download";
      downloadFile({ name, blob: new Blob([data as Uint8Array<ArrayBuffer>]) });
      this.outcome = { kind: "downloaded", name, size: data.length };
    } catch (error) {
      this.fail(error);
    } finally {
      this.activity = { kind: "idle" };
    }
  }

  private fail(error: unknown): void {
    const problem: TransferProblem =
      error instanceof TransferError ? error.problem : { kind: "guest-error", detail: errorText(error) };
    this.outcome = { kind: "failed", problem };
  }

  private renderActivity(m: SavedMessages) {
    const activity = this.activity;
    if (activity.kind === "idle") return nothing;
    const label = activity.kind === "uploading" ? m.uploading(activity.name) : m.downloading(activity.path);
    return html`<div class="status" data-testid="transfer-progress" role="status">
      ${label}
      <progress
        max=${activity.total || 1}
        value=${activity.total ? activity.done : nothing}
        aria-label=${label}
      ></progress>
    </div>`;
  }

  private renderOutcome(m: SavedMessages) {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    if (outcome.kind === "failed" || outcome.kind === "not-ready") {
      return html`<lab-banner tone="error" heading=${m.transferFailed} data-testid="transfer-error" role="alert"
        >${outcome.kind === "failed" ? m.transferProblem(outcome.problem, formatSize) : m.machineNotReady}</lab-banner
      >`;
    }
    const text = outcome.kind === "uploaded" ? m.uploaded(outcome.path, formatSize(outcome.size)) : m.downloaded(outcome.name, formatSize(outcome.size));
    return html`<p class="status" data-testid="transfer-done" role="status">${text}</p>`;
  }

  private readonly onChoose = (): void => {
    this.renderRoot.querySelector<HTMLInputElement>("input[type=file]")?.click();
  };

  private readonly onFileChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = "";
    void this.upload(files);
  };

  private readonly onClose = (): void => {
    this.dispatchEvent(new PanelCloseEvent());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-file-transfer": LabFileTransfer;
  }
}
