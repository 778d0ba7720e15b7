// The page shell: composes the header, the messages, the course and the workspace (terminal, and the
// comparison view when open), provides the services every element below uses, and carries out what
// the learner asks of the machine.
import { provide } from "@lit/context";
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { courseContext } from "../course/course-context.ts";
import { packIndexContext } from "../course/pack-index-context.ts";
import { challengesContext } from "../course/challenges-context.ts";
import type { Challenge } from "../exercises/challenge-model.ts";
import type { PackIndexEntry } from "../exercises/pack-sections.ts";
import "../compare/lab-compare.ts";
import { CommandPasteEvent } from "../course/course-events.ts";
import "../course/lab-course.ts";
import { progressContext } from "../course/progress-context.ts";
import { ProgressController } from "../course/progress-controller.ts";
import type { ProgressStore } from "../course/progress-store.ts";
import type { Locale } from "../exercises/locales.ts";
import type { Exercise } from "../exercises/model.ts";
import "../files/lab-file-transfer.ts";
import type { LabFileTransfer } from "../files/lab-file-transfer.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { preferredLocale } from "../i18n/ui-messages.ts";
import type { OfflineSupport } from "../offline/offline-support.ts";
import type { ClassClient } from "../classroom/class-client.ts";
import "../saved/lab-progress-report.ts";
import { savedWorkContext } from "../saved/saved-work-context.ts";
import { PanelCloseEvent, PanelOpenEvent, type SavedWorkPanel } from "../saved/saved-work-events.ts";
import type { SavedWork } from "../saved/saved-work.ts";
import { FilesDropEvent, LabActionEvent, LocaleChangeEvent, NoticeDismissEvent, type LabAction } from "./lab-events.ts";
import "./lab-header.ts";
import "./lab-messages.ts";
import { DeepLinkController } from "./deep-link-controller.ts";
import { FocusOnReadyController } from "./focus-on-ready-controller.ts";
import { learnerShells } from "../session/learner-shells.ts";
import "./lab-terminal-card.ts";
import type { LabTerminalCard } from "./lab-terminal-card.ts";
import { SessionStateController } from "../session/session-controller.ts";
import { ShellHealthController } from "../session/shell-health-controller.ts";
import { vmSessionContext } from "../session/vm-session-context.ts";
import type { VmSession } from "../session/vm-session.ts";
import { ACCESS_MESSAGES } from "../i18n/access-messages.ts";
import { accessibilitySettingsContext, type AccessibilitySettings } from "../ui/accessibility-settings.ts";
import { Announcer, announcerContext } from "../ui/announcer.ts";
import "../ui/lab-announcer.ts";
import { labAppStyles } from "./lab-app-styles.ts";
import "./lab-shortcuts-dialog.ts";
import { RegionKeysController, type FocusRegion } from "./region-keys-controller.ts";
import { TOUCH_MESSAGES } from "../terminal/touch-messages.ts";
import { CourseDrawerController } from "./course-drawer-controller.ts";

@customElement("lab-app")
export class LabApp extends LitElement {
  static override styles = labAppStyles;

  /** The machine this page controls; provided to every element below as a service. */
  @provide({ context: vmSessionContext })
  @property({ attribute: false })
  session: VmSession | undefined;

  /** The exercises (the course's, then the packs'); provided to the course panel and the report. */
  @provide({ context: courseContext })
  @property({ attribute: false })
  course: readonly Exercise[] = [];

  /** The challenges (the course's, then the packs'); provided to the course panel and the report. */
  @provide({ context: challengesContext })
  @property({ attribute: false })
  challenges: readonly Challenge[] = [];

  /** The content packs' headings and exercises; provided to the overview and the report. */
  @provide({ context: packIndexContext })
  @property({ attribute: false })
  packIndex: readonly PackIndexEntry[] = [];

  /** The learner's progress (and chosen language); provided to the course panel. */
  @provide({ context: progressContext })
  @property({ attribute: false })
  progress: ProgressStore | undefined;

  /** The page's offline support (service worker), shown in the header; undefined in development. */
  @property({ attribute: false })
  offline: OfflineSupport | undefined;

  /** The live class (joining, progress events); shown only when a class server served the page. */
  @property({ attribute: false })
  classClient: ClassClient | undefined;

  /** The learner's saved machine, exports and imports; provided to the saved-work elements. */
  @provide({ context: savedWorkContext })
  @property({ attribute: false })
  savedWork: SavedWork | undefined;

  /** The learner's accessibility settings (the terminals' screen reader mode); provided to the terminals. */
  @provide({ context: accessibilitySettingsContext })
  @property({ attribute: false })
  accessibility: AccessibilitySettings | undefined;

  /** The page's one live region's voice: what elements announce to screen readers. */
  @provide({ context: announcerContext })
  readonly announcer = new Announcer();

  /** The keyboard shortcut list (with the screen reader setting) is open. */
  @state() private shortcutsOpen = false;

  /** The panel open over the page (reflected: printing the report hides the rest of the page). */
  @property({ reflect: true }) panel: SavedWorkPanel | undefined;

  /** The VM-versus-container comparison is open (it owns the second VM only while open). */
  @state() private comparing = false;

  /** The learner reset the machine: the messages say what was kept until dismissed. */
  @state() private resetNote = false;

  /** The page's language: the learner's choice, else the browser's preference. */
  @provide({ context: localeContext })
  @state()
  locale: Locale = preferredLocale(typeof navigator === "undefined" ? [] : navigator.languages);

  private readonly browserLocale = this.locale;
  private readonly status = new SessionStateController(this, () => this.session);
  private readonly shell = new ShellHealthController(this, () => this.session);
  private readonly drawer = new CourseDrawerController(this, {
    panel: () => this.renderRoot.querySelector<HTMLElement>("lab-course"),
    button: () => this.renderRoot.querySelector<HTMLElement>(".drawer-toggle"),
  });
  @query("lab-terminal-card") private terminal!: LabTerminalCard | null;
  @query("lab-file-transfer") private fileTransfer!: LabFileTransfer | null;

  constructor() {
    super();
    this.addEventListener(LabActionEvent.type, (event) => this.perform(event.action));
    this.addEventListener(CommandPasteEvent.type, (event) => this.paste(event.command));
    this.addEventListener(PanelOpenEvent.type, (event) => (this.panel = event.panel));
    this.addEventListener(PanelCloseEvent.type, () => (this.panel = undefined));
    this.addEventListener(LocaleChangeEvent.type, (event) => this.progress?.setLocale(event.locale));
    this.addEventListener(NoticeDismissEvent.type, (event) => this.status.dismissNotice(event.index));
    this.addEventListener(FilesDropEvent.type, (event) => this.upload(event.files));
    new ProgressController(this, () => this.progress);
    new DeepLinkController(this, () => this);
    new FocusOnReadyController(this, () => this.status.state?.phase, () => this.terminal?.focus());
    new RegionKeysController(this, { regions: () => this.regions(), onHelp: () => (this.shortcutsOpen = true) });
  }

  /** The regions F6 moves between, in page order, each with what takes the focus there. */
  private regions(): FocusRegion[] {
    const root = this.renderRoot;
    const region = (selector: string, focus?: () => void): FocusRegion[] => {
      const element = root.querySelector<HTMLElement>(selector);
      return element && !element.hidden ? [{ element, focus: focus ?? (() => element.focus()) }] : [];
    };
    return [
      ...region("lab-header"),
      // On a narrow screen the course drawer's button, then the drawer when it is open.
      ...region(".drawer-toggle"),
      ...region("lab-course"),
      ...region("lab-terminal-card", () => this.terminal?.focus()),
      ...region("lab-compare"),
    ];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const locale = this.progress?.progress.locale ?? this.browserLocale;
    if (locale !== this.locale) this.locale = locale;
  }

  override render() {
    const state = this.status.state;
    const controllable = this.session !== undefined;
    const a = ACCESS_MESSAGES[this.locale];
    const t = TOUCH_MESSAGES[this.locale];
    const drawer = this.drawer.active;
    const open = this.drawer.open;
    const layout = [this.comparing ? "comparing" : "", drawer ? "drawer" : ""].join(" ");
    return html`
      <lab-header
        data-testid="header"
        role="banner"
        tabindex="-1"
        .state=${state}
        .generation=${this.status.generation}
        .shell=${this.shell.health}
        .offline=${this.offline}
        .classClient=${this.classClient}
        ?controllable=${controllable}
      ></lab-header>
      <main class=${layout}>
        ${drawer
          ? html`<button
              class="drawer-toggle"
              data-testid="course-toggle"
              aria-controls="course-panel"
              aria-expanded=${open ? "true" : "false"}
              title=${open ? t.closeCourse : t.openCourse}
              @click=${() => this.drawer.toggle()}
            >
              <span aria-hidden="true">${open ? "✕" : "☰"}</span> ${t.course}
            </button>`
          : nothing}
        <lab-messages
          .state=${state}
          .notices=${this.status.notices}
          .health=${this.shell.health}
          .recovery=${this.shell.recovery}
          ?reset-note=${this.resetNote}
        ></lab-messages>
        <lab-course
          id="course-panel"
          data-testid="course"
          role="region"
          aria-label=${a.courseRegion}
          tabindex="-1"
          ?hidden=${drawer ? !open : this.comparing}
          @keydown=${this.drawer.onKey}
        ></lab-course>
        <lab-terminal-card
          data-testid="terminal-region"
          ?stopped=${state?.phase === "error"}
          ?comparing=${this.comparing}
          ?controllable=${controllable}
        ></lab-terminal-card>
        ${this.comparing ? html`<lab-compare data-testid="compare" tabindex="-1"></lab-compare>` : nothing}
      </main>
      <lab-file-transfer ?hidden=${this.panel !== "files"}></lab-file-transfer>
      ${this.panel === "report" ? html`<lab-progress-report></lab-progress-report>` : nothing}
      <lab-shortcuts-dialog ?open=${this.shortcutsOpen}></lab-shortcuts-dialog>
      <lab-announcer .announcer=${this.announcer}></lab-announcer>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has("locale")) document.documentElement.lang = this.locale;
  }

  /** Files dropped onto the terminal are copied into /root; the file panel shows the progress. */
  private upload(files: readonly File[]): void {
    this.panel = "files";
    void this.fileTransfer?.upload(files, "/root");
  }

  /** Puts a command at the prompt of the terminal in front, as if typed; the learner presses Enter. */
  private paste(command: string): void {
    if (!this.session) return;
    learnerShells(this.session)
      .line(this.terminal?.activePort ?? 0)
      .send(command);
    // On a narrow screen the drawer closes, so the learner sees the command at the prompt.
    this.drawer.close();
    this.terminal?.focus();
  }

  private perform(action: LabAction): void {
    // The shortcut list needs no machine.
    if (action === "show-shortcuts" || action === "close-shortcuts") {
      this.shortcutsOpen = action === "show-shortcuts";
      return;
    }
    const session = this.session;
    if (!session) return;
    switch (action) {
      case "reset":
        this.resetNote = true;
        void session.reset();
        return;
      case "cold-boot":
        this.resetNote = false;
        void session.coldBoot();
        return;
      case "retry":
        void session.retry();
        return;
      case "stop-runaway":
        void this.shell.stopRunaway().then(() => this.terminal?.focus());
        return;
      case "dismiss-recovery":
        this.shell.dismissRecovery();
        return;
      case "dismiss-reset-note":
        this.resetNote = false;
        return;
      case "toggle-compare":
        this.comparing = !this.comparing;
        return;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-app": LabApp;
  }
}
