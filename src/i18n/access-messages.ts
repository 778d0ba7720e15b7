// Words for keyboard and screen-reader use: the shortcut list, the page's regions, the terminal's
// description, the screen reader setting and what the announcer says. The interface makes a missing
// translation a type error.
import type { Locale } from "../exercises/locales.ts";

export interface Shortcut {
  /** Keys pressed together, each shown as a key cap ("← →": either arrow). */
  readonly keys: readonly string[];
  readonly action: string;
}

export interface AccessMessages {
  readonly shortcutsTitle: string;
  readonly shortcutsIntro: string;
  readonly shortcuts: readonly Shortcut[];
  readonly close: string;
  readonly settingsHeading: string;
  readonly screenReaderMode: string;
  readonly screenReaderModeHelp: string;
  /** The course panel's name as a region (F6 moves to it; the header is the page's banner). */
  readonly courseRegion: string;
  /** Read after the terminal's name: how to get out of it. */
  readonly terminalDescription: string;
  // announcements
  readonly checksPassed: (passed: number, total: number) => string;
  readonly checkFailed: (label: string) => string;
  /** `failing`: the labels of the checks that did not pass, already joined. */
  readonly checkNowFailed: (failing: string) => string;
  readonly stepDone: (title: string) => string;
  readonly answerRight: string;
  readonly answerWrong: (message: string) => string;
  readonly machineStatus: (status: string) => string;
}

const en: AccessMessages = {
  shortcutsTitle: "Keyboard shortcuts and screen reader",
  shortcutsIntro:
    "The terminal keeps Tab for the shell (it completes commands). Press F6 to leave it: F6 and Shift+F6 move between the header, the course and the terminal.",
  shortcuts: [
    { keys: ["F6"], action: "Next region, in page order: header, course, terminal (then the comparison, when open)" },
    { keys: ["Shift", "F6"], action: "Previous region" },
    { keys: ["?"], action: "This list (outside the terminal and text fields)" },
    { keys: ["Tab"], action: "Next control (in the terminal: completes the command)" },
    { keys: ["Shift", "Tab"], action: "Previous control" },
    { keys: ["Enter"], action: "Press the focused button, send the answer" },
    { keys: ["← →"], action: "Move between terminal tabs; resize the split when its handle has focus" },
    { keys: ["Delete"], action: "Close the focused terminal tab" },
    { keys: ["Ctrl", "Shift", "C"], action: "Copy the terminal's selection" },
    { keys: ["Ctrl", "Shift", "V"], action: "Paste into the terminal" },
    { keys: ["Esc"], action: "Close this list or an open menu" },
  ],
  close: "Close",
  settingsHeading: "Screen reader",
  screenReaderMode: "Screen reader mode for the terminals",
  screenReaderModeHelp:
    "Lets a screen reader read the terminals' rows and announces their output. Check results and the machine's status are always announced.",
  courseRegion: "Course",
  terminalDescription:
    "Tab completes commands in the shell. To leave the terminal, press Shift+F6 (to the course) or F6 (to the next region); outside the terminal, ? lists every shortcut.",
  checksPassed: (passed, total) => `${passed} of ${total} checks passed.`,
  checkFailed: (label) => `Check no longer passes: ${label}`,
  checkNowFailed: (failing) => `Not yet: ${failing}`,
  stepDone: (title) => `Step done: ${title}`,
  answerRight: "Correct answer.",
  answerWrong: (message) => `Not the right answer. ${message}`,
  machineStatus: (status) => `Machine: ${status}`,
};

const ko: AccessMessages = {
  shortcutsTitle: "키보드 단축키와 화면 낭독기",
  shortcutsIntro:
    "터미널에서 Tab은 셸이 씁니다(명령을 자동 완성합니다). 터미널에서 나오려면 F6을 누르세요. F6과 Shift+F6으로 머리글, 코스, 터미널 사이를 옮겨 다닙니다.",
  shortcuts: [
    { keys: ["F6"], action: "다음 영역으로 이동(페이지 순서: 머리글, 코스, 터미널, 비교 화면이 열려 있으면 비교 화면까지)" },
    { keys: ["Shift", "F6"], action: "이전 영역" },
    { keys: ["?"], action: "이 목록 열기(터미널과 입력란 밖에서)" },
    { keys: ["Tab"], action: "다음 컨트롤(터미널 안에서는 명령 자동 완성)" },
    { keys: ["Shift", "Tab"], action: "이전 컨트롤" },
    { keys: ["Enter"], action: "포커스가 있는 버튼 누르기, 답 제출하기" },
    { keys: ["← →"], action: "터미널 탭 사이 이동, 분할 손잡이에 포커스가 있으면 분할 크기 조절" },
    { keys: ["Delete"], action: "포커스가 있는 터미널 탭 닫기" },
    { keys: ["Ctrl", "Shift", "C"], action: "터미널에서 선택한 내용 복사하기" },
    { keys: ["Ctrl", "Shift", "V"], action: "터미널에 붙여 넣기" },
    { keys: ["Esc"], action: "이 목록이나 열린 메뉴 닫기" },
  ],
  close: "닫기",
  settingsHeading: "화면 낭독기",
  screenReaderMode: "터미널 화면 낭독기 모드",
  screenReaderModeHelp: "화면 낭독기가 터미널의 줄을 읽을 수 있게 하고, 터미널 출력을 읽어 줍니다. 확인 결과와 머신 상태는 이 설정과 상관없이 항상 읽어 줍니다.",
  courseRegion: "코스",
  terminalDescription:
    "셸에서 Tab은 명령을 자동 완성합니다. 터미널에서 나가려면 Shift+F6(코스로) 또는 F6(다음 영역으로)을 누르세요. 터미널 밖에서 ?를 누르면 모든 단축키를 볼 수 있습니다.",
  checksPassed: (passed, total) => `확인 ${total}개 중 ${passed}개 통과.`,
  checkFailed: (label) => `더 이상 통과하지 않는 확인: ${label}`,
  checkNowFailed: (failing) => `아직입니다: ${failing}`,
  stepDone: (title) => `단계 완료: ${title}`,
  answerRight: "정답입니다.",
  answerWrong: (message) => `정답이 아닙니다. ${message}`,
  machineStatus: (status) => `머신: ${status}`,
};

export const ACCESS_MESSAGES: Readonly<Record<Locale, AccessMessages>> = { en, ko };
