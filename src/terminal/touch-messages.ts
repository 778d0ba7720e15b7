// Words of the workspace on touch and narrow screens: the course drawer, the on-screen key bar and the
// terminals' font size. The interface makes a missing translation a type error.
import type { Locale } from "../exercises/locales.ts";
import type { BarKey } from "./touch-keys.ts";

export interface TouchMessages {
  /** The button that opens and closes the course drawer. */
  readonly course: string;
  readonly openCourse: string;
  readonly closeCourse: string;
  readonly keyBar: string;
  readonly ctrl: string;
  readonly alt: string;
  /** What a screen reader says for each key (the bar shows the key itself). */
  readonly keyNames: Record<BarKey, string>;
  readonly modifierHint: string;
  readonly smallerFont: string;
  readonly largerFont: string;
  readonly fontSize: (pixels: number) => string;
}

const en: TouchMessages = {
  course: "Course",
  openCourse: "Open the course",
  closeCourse: "Close the course and show the terminal",
  keyBar: "Terminal keys",
  ctrl: "Ctrl (held for the next key)",
  alt: "Alt (held for the next key)",
  keyNames: {
    Escape: "Escape",
    Tab: "Tab (complete)",
    ArrowUp: "Up arrow (previous command)",
    ArrowDown: "Down arrow (next command)",
    ArrowLeft: "Left arrow",
    ArrowRight: "Right arrow",
    "|": "Pipe",
    "~": "Tilde",
    "/": "Slash",
    "-": "Dash",
  },
  modifierHint: "Ctrl and Alt apply to the next key you press, on this bar or on the keyboard: Ctrl then c interrupts a command.",
  smallerFont: "Smaller terminal text",
  largerFont: "Larger terminal text",
  fontSize: (pixels) => `Terminal text size: ${pixels} px`,
};

const ko: TouchMessages = {
  course: "코스",
  openCourse: "코스 열기",
  closeCourse: "코스를 닫고 터미널 보기",
  keyBar: "터미널 키",
  ctrl: "Ctrl (다음 키와 함께 누름)",
  alt: "Alt (다음 키와 함께 누름)",
  keyNames: {
    Escape: "Esc",
    Tab: "Tab (자동 완성)",
    ArrowUp: "위쪽 화살표 (이전 명령)",
    ArrowDown: "아래쪽 화살표 (다음 명령)",
    ArrowLeft: "왼쪽 화살표",
    ArrowRight: "오른쪽 화살표",
    "|": "파이프",
    "~": "물결표",
    "/": "슬래시",
    "-": "하이픈",
  },
  modifierHint: "Ctrl과 Alt는 이 막대나 키보드에서 다음에 누르는 키에 함께 적용됩니다. Ctrl을 누른 뒤 c를 누르면 실행 중인 명령을 중단합니다.",
  smallerFont: "터미널 글자 작게",
  largerFont: "터미널 글자 크게",
  fontSize: (pixels) => `터미널 글자 크기: ${pixels}px`,
};

export const TOUCH_MESSAGES: Record<Locale, TouchMessages> = { en, ko };
