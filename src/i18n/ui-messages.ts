// Every word the page itself shows (the exercises bring their own texts), in every locale. The
// interface makes a missing translation a type error; tests/unit/ui-messages.test.ts checks the rest.
import type { Locale } from "../exercises/locales.ts";
import type { VmFailureKind, VmNotice } from "../vm/vm-state.ts";

export interface UiMessages {
  readonly languageName: string;
  readonly languageLabel: string;
  readonly tagline: string;
  readonly machineControls: string;
  readonly resetMachine: string;
  readonly resetMachineTitle: string;
  readonly coldBoot: string;
  readonly coldBootTitle: string;
  readonly terminalRegion: string;
  /** Written at the top of the terminal, above what the machine prints: one string per line. */
  readonly terminalGreeting: readonly string[];
  readonly copyPasteHint: { readonly copy: string; readonly paste: string };
  readonly note: string;
  readonly dismiss: string;
  // status line
  readonly waiting: string;
  readonly preparing: string;
  readonly downloadingSnapshot: string;
  readonly downloadingKernel: string;
  readonly restoringSnapshot: string;
  readonly bootingLinux: string;
  ready(duration: string, restored: boolean): string;
  readonly notResponding: string;
  readonly downloadProgress: string;
  // failures
  readonly failureTitles: Readonly<Record<VmFailureKind, string>>;
  /** What happened and the way out, in the learner's language; the technical detail follows it. */
  readonly failureBodies: Readonly<Record<VmFailureKind, string>>;
  readonly technicalDetail: string;
  readonly notices: { readonly [K in VmNotice["kind"]]: (detail: string) => string };
  readonly retry: string;
  readonly checkAgain: string;
  readonly unresponsiveTitle: string;
  readonly unresponsiveBody: string;
  // course
  readonly course: string;
  readonly courseOverview: string;
  readonly stepsDone: (done: number, total: number) => string;
  readonly minutes: (minutes: number) => string;
  readonly stepOf: (index: number, total: number) => string;
  readonly previous: string;
  readonly next: string;
  readonly backToOverview: string;
  readonly start: string;
  readonly continue: string;
  readonly checks: string;
  readonly checkNow: string;
  readonly checking: string;
  readonly checksWaitForMachine: string;
  readonly checkPassed: string;
  readonly checkFailed: string;
  readonly checkPending: string;
  readonly hint: string;
  readonly stepDone: string;
  readonly exerciseDone: string;
  readonly question: string;
  readonly answerLabel: string;
  readonly submitAnswer: string;
  readonly correctAnswer: string;
  readonly pasteCommand: string;
  readonly pasteCommandTitle: string;
  readonly resetProgress: string;
  readonly resetProgressConfirm: string;
  readonly yesReset: string;
  readonly cancel: string;
  readonly answeredWrong: string;
  readonly corruptProgress: string;
  /** The header's offline indicator (service worker), see src/offline/lab-offline-status.ts. */
  readonly offline: {
    readonly saving: (percent: number) => string;
    readonly savingTitle: string;
    readonly ready: string;
    readonly readyTitle: string;
    readonly update: string;
    readonly updateTitle: string;
    readonly failed: string;
    readonly updateFailed: string;
    readonly failedTitle: (reason: string) => string;
    readonly unknownReason: string;
    readonly insecure: string;
    readonly insecureTitle: string;
    readonly unavailable: string;
    readonly unavailableTitle: string;
  };
}

const en: UiMessages = {
  languageName: "English",
  languageLabel: "Language",
  tagline: "A real Linux kernel in your browser: build a container from its parts",
  machineControls: "Machine controls",
  resetMachine: "Reset machine",
  resetMachineTitle: "Discard everything in the machine and return to the pristine snapshot",
  coldBoot: "Cold boot",
  coldBootTitle: "Boot the kernel from scratch and watch its boot log",
  terminalRegion: "Linux terminal",
  terminalGreeting: [
    "Isolation Lab: a real Linux kernel, emulated in your browser by v86.",
    "You are root in this virtual machine; nothing here can touch your computer.",
  ],
  copyPasteHint: { copy: "copy", paste: "paste" },
  note: "Note",
  dismiss: "Dismiss",
  waiting: "Waiting for the page…",
  preparing: "Preparing the machine…",
  downloadingSnapshot: "Downloading the saved machine…",
  downloadingKernel: "Downloading the kernel…",
  restoringSnapshot: "Restoring the snapshot…",
  bootingLinux: "Booting Linux…",
  ready: (duration, restored) => `Ready in ${duration} (${restored ? "restored snapshot" : "cold boot"})`,
  notResponding: "Not responding",
  downloadProgress: "Download progress",
  failureTitles: {
    "assets-missing": "The guest image is missing",
    "download-failed": "The machine could not be downloaded",
    "boot-timeout": "The machine did not start",
    "kernel-panic": "The guest kernel panicked",
    "emulator-error": "The emulator stopped",
  },
  failureBodies: {
    "assets-missing":
      "The guest image is missing, out of date or damaged. Build it with `npm start` (or `bash images/build.sh`), then reload.",
    "download-failed": "A file of the machine did not arrive whole. Check the connection to the server and retry.",
    "boot-timeout": "The guest did not answer after starting. Reset to restore the snapshot, or cold boot to watch the kernel start.",
    "kernel-panic": "The guest kernel stopped (a kernel panic). Nothing outside the machine is affected; reset it to continue.",
    "emulator-error": "The emulator hit an error it cannot recover from. Reset the machine, or cold boot it.",
  },
  technicalDetail: "Details",
  notices: {
    "snapshot-refused": (detail) => `The saved machine state cannot be used (${detail}); booting from scratch instead.`,
  },
  retry: "Retry",
  checkAgain: "Check again",
  unresponsiveTitle: "The machine stopped answering",
  unresponsiveBody:
    "The guest has not answered for several seconds: something in it may be using all the CPU or memory (a fork bomb?). It may recover by itself; Reset returns to a fresh machine and discards everything in this one.",
  course: "Course",
  courseOverview: "Course overview",
  stepsDone: (done, total) => `${done}/${total} steps`,
  minutes: (m) => `~${m} min`,
  stepOf: (i, n) => `Step ${i} of ${n}`,
  previous: "Previous",
  next: "Next",
  backToOverview: "All exercises",
  start: "Start",
  continue: "Continue",
  checks: "Checks",
  checkNow: "Check now",
  checking: "Checking…",
  checksWaitForMachine: "The checks run once the machine is ready.",
  checkPassed: "passed",
  checkFailed: "not yet",
  checkPending: "not checked yet",
  hint: "Hint",
  stepDone: "Step done",
  exerciseDone: "Exercise complete!",
  question: "Question",
  answerLabel: "Your answer",
  submitAnswer: "Answer",
  correctAnswer: "Correct!",
  pasteCommand: "Paste into the terminal",
  pasteCommandTitle: "Pastes the command at the prompt; press Enter in the terminal to run it",
  resetProgress: "Reset progress",
  resetProgressConfirm: "Forget which steps you have done and your answers?",
  yesReset: "Yes, reset",
  cancel: "Cancel",
  answeredWrong: "Not yet answered correctly",
  corruptProgress: "Your saved progress could not be read and was ignored; the course starts afresh.",
  offline: {
    saving: (percent) => `Saving for offline use… ${percent}%`,
    savingTitle: "The lab and its Linux machine are being saved in this browser, so it works without the network next time",
    ready: "Ready offline",
    readyTitle: "The lab is saved in this browser: it reloads and boots without the network",
    update: "Update available — reload",
    updateTitle: "A new version of the lab was saved; reload to switch to it (your progress is kept)",
    failed: "Not saved for offline use",
    updateFailed: "Update not saved",
    failedTitle: (reason) => `${reason} The lab works online as before; reload to try saving again.`,
    unknownReason: "The browser stopped saving the lab.",
    insecure: "Offline use needs HTTPS",
    insecureTitle:
      "Browsers keep a site for offline use only over https:// or on localhost; over plain http the lab works but needs the server for every reload",
    unavailable: "Offline use unavailable",
    unavailableTitle: "This browser does not let the page save itself for offline use",
  },
};

const ko: UiMessages = {
  languageName: "한국어",
  languageLabel: "언어",
  tagline: "브라우저 안의 진짜 리눅스 커널: 부품부터 하나씩 컨테이너를 만들어 봅니다",
  machineControls: "머신 제어",
  resetMachine: "머신 초기화",
  resetMachineTitle: "머신의 모든 변경 사항을 버리고 처음 스냅샷으로 되돌립니다",
  coldBoot: "콜드 부팅",
  coldBootTitle: "커널을 처음부터 부팅하고 부팅 로그를 봅니다",
  terminalRegion: "리눅스 터미널",
  terminalGreeting: [
    "Isolation Lab: 브라우저 안에서 v86이 에뮬레이션하는 진짜 리눅스 커널입니다.",
    "여러분은 이 가상 머신의 root입니다. 무엇을 해도 내 컴퓨터에는 닿지 않습니다.",
  ],
  copyPasteHint: { copy: "복사", paste: "붙여넣기" },
  note: "알림",
  dismiss: "닫기",
  waiting: "페이지를 기다리는 중…",
  preparing: "머신을 준비하는 중…",
  downloadingSnapshot: "저장된 머신을 내려받는 중…",
  downloadingKernel: "커널을 내려받는 중…",
  restoringSnapshot: "스냅샷을 복원하는 중…",
  bootingLinux: "리눅스를 부팅하는 중…",
  ready: (duration, restored) => `준비 완료: ${duration} (${restored ? "스냅샷 복원" : "콜드 부팅"})`,
  notResponding: "응답 없음",
  downloadProgress: "내려받기 진행률",
  failureTitles: {
    "assets-missing": "게스트 이미지가 없습니다",
    "download-failed": "머신을 내려받지 못했습니다",
    "boot-timeout": "머신이 시작되지 않았습니다",
    "kernel-panic": "게스트 커널 패닉이 발생했습니다",
    "emulator-error": "에뮬레이터가 멈췄습니다",
  },
  failureBodies: {
    "assets-missing":
      "게스트 이미지가 없거나, 오래되었거나, 손상되었습니다. `npm start`(또는 `bash images/build.sh`)로 빌드한 뒤 새로고침하세요.",
    "download-failed": "머신 파일을 끝까지 받지 못했습니다. 서버와의 연결을 확인하고 다시 시도하세요.",
    "boot-timeout": "게스트가 시작된 뒤 응답하지 않습니다. 초기화로 스냅샷을 복원하거나, 콜드 부팅으로 커널이 뜨는 과정을 지켜보세요.",
    "kernel-panic": "게스트 커널이 멈췄습니다(커널 패닉). 머신 바깥에는 아무 영향이 없습니다. 초기화하면 이어서 할 수 있습니다.",
    "emulator-error": "에뮬레이터에 복구할 수 없는 오류가 났습니다. 머신을 초기화하거나 콜드 부팅하세요.",
  },
  technicalDetail: "자세한 내용",
  notices: {
    "snapshot-refused": (detail) => `저장된 머신 상태를 쓸 수 없어(${detail}) 처음부터 부팅합니다.`,
  },
  retry: "다시 시도",
  checkAgain: "다시 확인",
  unresponsiveTitle: "머신이 응답하지 않습니다",
  unresponsiveBody:
    "게스트가 몇 초째 응답하지 않습니다. 무언가가 CPU나 메모리를 모두 쓰고 있을 수 있습니다(포크 폭탄인가요?). 저절로 회복될 수도 있습니다. 초기화하면 새 머신으로 돌아가며 지금 머신의 내용은 모두 사라집니다.",
  course: "코스",
  courseOverview: "코스 개요",
  stepsDone: (done, total) => `${done}/${total}단계`,
  minutes: (m) => `약 ${m}분`,
  stepOf: (i, n) => `${n}단계 중 ${i}단계`,
  previous: "이전",
  next: "다음",
  backToOverview: "전체 실습",
  start: "시작",
  continue: "이어서",
  checks: "확인 항목",
  checkNow: "지금 확인",
  checking: "확인하는 중…",
  checksWaitForMachine: "머신이 준비되면 확인을 시작합니다.",
  checkPassed: "통과",
  checkFailed: "아직",
  checkPending: "아직 확인 전",
  hint: "힌트",
  stepDone: "단계 완료",
  exerciseDone: "실습 완료!",
  question: "질문",
  answerLabel: "내 답",
  submitAnswer: "답하기",
  correctAnswer: "정답입니다!",
  pasteCommand: "터미널에 붙여넣기",
  pasteCommandTitle: "명령을 프롬프트에 붙여넣습니다. 실행하려면 터미널에서 Enter를 누르세요",
  resetProgress: "진도 초기화",
  resetProgressConfirm: "완료한 단계와 답을 모두 지울까요?",
  yesReset: "네, 초기화합니다",
  cancel: "취소",
  answeredWrong: "아직 정답을 맞히지 못했습니다",
  corruptProgress: "저장된 진도를 읽을 수 없어 무시했습니다. 코스를 처음부터 시작합니다.",
  offline: {
    saving: (percent) => `오프라인용으로 저장하는 중… ${percent}%`,
    savingTitle: "실습 환경과 리눅스 머신을 이 브라우저에 저장하고 있습니다. 다음부터는 네트워크 없이도 쓸 수 있습니다",
    ready: "오프라인 사용 가능",
    readyTitle: "실습 환경이 이 브라우저에 저장되어 있습니다. 네트워크 없이도 새로고침하고 부팅할 수 있습니다",
    update: "새 버전 있음 — 새로고침",
    updateTitle: "새 버전의 실습 환경을 저장했습니다. 새로고침하면 새 버전으로 바뀝니다(진도는 그대로입니다)",
    failed: "오프라인 저장 실패",
    updateFailed: "새 버전 저장 실패",
    failedTitle: (reason) => `${reason} 온라인에서는 그대로 쓸 수 있습니다. 새로고침하면 다시 저장을 시도합니다.`,
    unknownReason: "브라우저가 실습 환경 저장을 중단했습니다.",
    insecure: "오프라인 사용에는 HTTPS 필요",
    insecureTitle:
      "브라우저는 https:// 주소나 localhost에서만 사이트를 오프라인용으로 저장합니다. 일반 http에서는 실습은 되지만 새로고침할 때마다 서버가 필요합니다",
    unavailable: "오프라인 사용 불가",
    unavailableTitle: "이 브라우저에서는 페이지를 오프라인용으로 저장할 수 없습니다",
  },
};

export const UI_MESSAGES: Readonly<Record<Locale, UiMessages>> = { en, ko };

/** The locale the browser prefers: Korean for any ko* language listed first among ko/en, else English. */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const tag = language.toLowerCase();
    if (tag === "ko" || tag.startsWith("ko-")) return "ko";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return "en";
}
