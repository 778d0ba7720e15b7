// Keeps a Lit element subscribed to the accessibility settings it is given (from context, possibly
// late): it re-renders, and `onChange` runs, on every change and once for the settings it first gets.
import type { ReactiveControllerHost } from "lit";
import type { Unsubscribe } from "../shared/typed-events.ts";
import type { AccessibilitySettings } from "./accessibility-settings.ts";
import { SourceBoundController } from "./source-bound-controller.ts";

export class AccessibilitySettingsController extends SourceBoundController<AccessibilitySettings> {
  constructor(
    host: ReactiveControllerHost,
    source: () => AccessibilitySettings | undefined,
    private readonly onChange: (settings: AccessibilitySettings) => void = () => undefined,
  ) {
    super(host, source);
  }

  protected subscribe(settings: AccessibilitySettings): Unsubscribe[] {
    return [
      settings.events.on("change", (changed) => {
        this.onChange(changed);
        this.host.requestUpdate();
      }),
    ];
  }

  protected sourceChanged(settings: AccessibilitySettings | undefined): void {
    if (settings) this.onChange(settings);
    this.host.requestUpdate();
  }
}
