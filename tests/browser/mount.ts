// Mounts one element as <lab-app> would: inside a page that provides the locale (and any other
// service the test hands over) through @lit/context, with the page's stylesheet loaded. The element is
// removed after each test.
import { ContextProvider, type Context } from "@lit/context";
import type { LitElement } from "lit";
import { afterEach } from "vitest";
// The page's colours and sizes (custom properties the elements' styles use), as src/main.ts loads them.
import "../../src/page.css";
import type { Locale } from "../../src/exercises/locales.ts";
import { localeContext } from "../../src/i18n/locale-context.ts";

let page: HTMLElement | undefined;
const cleanups: (() => void)[] = [];
afterEach(() => {
  page?.remove();
  page = undefined;
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A service provided to the element, as <lab-app> provides it. */
export interface Provided<T = unknown> {
  readonly context: Context<unknown, T>;
  readonly value: T;
}

export const provided = <T>(context: Context<unknown, T>, value: T): Provided => ({ context, value });

export interface Mounted<T extends LitElement> {
  readonly element: T;
  readonly root: ShadowRoot;
  /** Changes the page's language, as the learner's choice does in <lab-app>. */
  setLocale(locale: Locale): Promise<void>;
}

export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { locale?: Locale; provide?: readonly Provided[]; set?: (element: HTMLElementTagNameMap[K]) => void } = {},
): Promise<Mounted<HTMLElementTagNameMap[K] & LitElement>> {
  page = document.createElement("div");
  const locale = new ContextProvider(page, { context: localeContext, initialValue: options.locale ?? "en" });
  for (const { context, value } of options.provide ?? []) new ContextProvider(page, { context, initialValue: value });
  const element = document.createElement(tag) as HTMLElementTagNameMap[K] & LitElement;
  options.set?.(element);
  page.append(element);
  document.body.append(page);
  await element.updateComplete;
  return {
    element,
    root: element.shadowRoot!,
    async setLocale(next) {
      locale.setValue(next);
      await element.updateComplete;
    },
  };
}

/** Collects the events of one type that reach the document (they must bubble out of the shadow roots). */
export function collect<E extends Event>(type: string): E[] {
  const events: E[] = [];
  const listener = (event: Event): void => void events.push(event as E);
  document.addEventListener(type, listener);
  cleanups.push(() => document.removeEventListener(type, listener));
  return events;
}
