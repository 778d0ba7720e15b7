// The words of saved work, file transfer and the progress report, in every locale (the same pattern as
// src/i18n/ui-messages.ts: the interface makes a missing translation a type error, and
// tests/unit/saved-messages.test.ts checks the rest).
import type { Locale } from "../exercises/locales.ts";
import type { TransferProblem } from "../files/guest-files.ts";
import type { StateMismatch } from "../vm/manifest.ts";
import type { SavedWorkNotice, SavedWorkProblem } from "./saved-work.ts";

export interface SavedMessages {
  // header
  readonly save: string;
  readonly saveTitle: string;
  readonly saving: string;
  readonly savedAt: (time: string) => string;
  readonly notSaved: string;
  readonly more: string;
  readonly exportProgress: string;
  readonly exportMachine: string;
  readonly exportMachineTitle: string;
  readonly importFile: string;
  readonly importFileTitle: string;
  readonly progressReport: string;
  readonly files: string;
  // resume offer
  readonly resumeHeading: string;
  /** `age`: how long ago, as formatAge() words it. */
  readonly resumeBody: (savedAt: string, age: string) => string;
  /** Added to the offer when the machine was saved under a fork bomb. */
  readonly resumeRunaway: string;
  readonly resume: string;
  readonly startFresh: string;
  readonly startFreshTitle: string;
  // problems
  readonly problemHeading: string;
  readonly problem: (problem: SavedWorkProblem) => string;
  readonly technicalDetail: string;
  readonly notice: (notice: SavedWorkNotice, formatTime: (at: Date) => string) => string;
  // files
  readonly filesHeading: string;
  readonly close: string;
  readonly uploadHeading: string;
  readonly uploadHint: (limit: string) => string;
  readonly chooseFile: string;
  readonly destinationLabel: string;
  readonly downloadHeading: string;
  readonly guestPathLabel: string;
  readonly download: string;
  readonly dropHere: string;
  readonly uploading: (name: string) => string;
  readonly downloading: (path: string) => string;
  readonly uploaded: (path: string, size: string) => string;
  readonly downloaded: (name: string, size: string) => string;
  readonly transferFailed: string;
  readonly transferProblem: (problem: TransferProblem, formatSize: (bytes: number) => string) => string;
  readonly machineNotReady: string;
  // report
  readonly reportHeading: string;
  readonly learnerName: string;
  readonly learnerNamePlaceholder: string;
  readonly reportPrinted: (date: string) => string;
  readonly reportSummary: (done: number, total: number, exercises: number, exerciseTotal: number) => string;
  readonly stepColumn: string;
  readonly statusColumn: string;
  readonly timeColumn: string;
  readonly done: string;
  readonly notDone: string;
  readonly timeUnknown: string;
  readonly print: string;
  readonly challengesHeading: string;
  readonly challengesSummary: (solved: number, total: number) => string;
  readonly challengeColumn: string;
  readonly hintsColumn: string;
  readonly solved: string;
  readonly notSolved: string;
  readonly hintsUsed: (used: number, total: number) => string;
  readonly solutionSeen: string;
}

function mismatchEn(mismatch: StateMismatch): string {
  switch (mismatch.kind) {
    case "v86":
      return `it was saved by another version of the emulator (v86 ${mismatch.saved}; this page runs ${mismatch.running})`;
    case "machine":
      return "it was saved from a machine with other hardware than this version of the lab uses";
    case "image":
      return "it was saved with another build of the lab's Linux image";
  }
}

function mismatchKo(mismatch: StateMismatch): string {
  switch (mismatch.kind) {
    case "v86":
      return `다른 버전의 에뮬레이터에서 저장되었습니다 (v86 ${mismatch.saved}, 이 페이지는 ${mismatch.running})`;
    case "machine":
      return "이 버전의 랩과 다른 하드웨어 구성의 머신에서 저장되었습니다";
    case "image":
      return "다른 빌드의 리눅스 이미지로 저장되었습니다";
  }
}

const en: SavedMessages = {
  save: "Save",
  saveTitle: "Save the machine in this browser now (it is also saved when you finish a step and when the console has been quiet for a moment)",
  saving: "Saving…",
  savedAt: (time) => `Saved ${time}`,
  notSaved: "Not saved yet",
  more: "Saved work",
  exportProgress: "Export progress",
  exportMachine: "Export machine",
  exportMachineTitle: "Download the running machine with your progress as a file (to move to another computer or hand in)",
  importFile: "Import…",
  importFileTitle: "Load an exported progress or machine file",
  progressReport: "Progress report",
  files: "Files",
  resumeHeading: "Your saved machine",
  resumeBody: (savedAt, age) =>
    `Resume your saved machine (saved ${savedAt}, ${age}), or start from a fresh one. What you did after that save is not in it.`,
  resumeRunaway:
    "It was saved while runaway processes filled your shell: once it is resumed, Stop runaway processes gives you the shell back. Or start fresh.",
  resume: "Resume",
  startFresh: "Start fresh",
  startFreshTitle: "Start from the pristine machine; your saved machine is replaced the next time the machine is saved",
  problemHeading: "Saved work",
  problem: (problem) => {
    switch (problem.kind) {
      case "quota":
        return "The browser's storage is full, so the machine could not be saved. The previous save and your course progress are kept. Free some space (or export the machine to a file) and save again.";
      case "storage-unavailable":
        return "This browser does not let the page store the machine (private window or disabled storage). Your course progress is kept; use Export machine to keep the machine as a file.";
      case "storage-blocked":
        return "Another tab runs an older version of the lab and keeps the browser's storage for itself, so the machine could not be saved. The previous save and your course progress are kept. Close or reload that tab and save again.";
      case "save-failed":
        return "The machine could not be saved. The previous save and your course progress are kept.";
      case "saved-corrupt":
        return "Your saved machine is damaged and cannot be resumed. Start fresh to continue; your course progress is kept.";
      case "saved-incompatible":
        return `Your saved machine cannot be resumed: ${mismatchEn(problem.mismatch)}. Start fresh to continue; your course progress is kept.`;
      case "import-corrupt":
        return `${problem.fileName} is damaged and was not imported. Nothing was changed.`;
      case "import-unknown":
        return `${problem.fileName} is not an exported progress or machine file. Nothing was changed.`;
      case "import-incompatible":
        return `The machine in ${problem.fileName} cannot run here: ${mismatchEn(problem.mismatch)}. Nothing was changed.`;
    }
  },
  technicalDetail: "Details",
  notice: (notice, formatTime) =>
    notice.kind === "progress-imported"
      ? `Progress imported: ${notice.steps} steps done in all.`
      : `Machine imported (saved ${formatTime(notice.savedAt)}) and resumed; ${notice.steps} steps done in all.`,
  filesHeading: "Files",
  close: "Close",
  uploadHeading: "Copy a file into the machine",
  uploadHint: (limit) => `Up to ${limit}. You can also drop a file onto the terminal.`,
  chooseFile: "Choose a file…",
  destinationLabel: "Folder in the machine",
  downloadHeading: "Copy a file out of the machine",
  guestPathLabel: "Path in the machine",
  download: "Download",
  dropHere: "Drop to copy into /root",
  uploading: (name) => `Copying ${name} into the machine…`,
  downloading: (path) => `Copying ${path} out of the machine…`,
  uploaded: (path, size) => `Copied to ${path} (${size}).`,
  downloaded: (name, size) => `Downloaded ${name} (${size}).`,
  transferFailed: "The file was not copied",
  transferProblem: (problem, size) => {
    switch (problem.kind) {
      case "too-large":
        return `The file is ${size(problem.size)}; files up to ${size(problem.limit)} can be copied.`;
      case "no-space":
        return `The file is ${size(problem.size)}, but the machine has room for ${size(problem.free)}. Delete some files in the machine and try again.`;
      case "bad-path":
        return `“${problem.path}” is not a full path in the machine (it must start with /).`;
      case "not-found":
        return `${problem.path} does not exist in the machine.`;
      case "not-a-file":
        return `${problem.path} is a folder or a device, not a regular file.`;
      case "no-directory":
        return `The machine has no folder ${problem.path}.`;
      case "guest-error":
        return `The machine reported an error: ${problem.detail}`;
    }
  },
  machineNotReady: "Wait until the machine is ready.",
  reportHeading: "Isolation Lab: progress report",
  learnerName: "Learner",
  learnerNamePlaceholder: "Name (optional)",
  reportPrinted: (date) => `As of ${date}`,
  reportSummary: (done, total, exercises, exerciseTotal) =>
    `${done} of ${total} steps done; ${exercises} of ${exerciseTotal} exercises complete.`,
  stepColumn: "Step",
  statusColumn: "Status",
  timeColumn: "Done at",
  done: "Done",
  notDone: "Not done",
  timeUnknown: "time not recorded",
  print: "Print",
  challengesHeading: "Challenges",
  challengesSummary: (solved, total) => `${solved} of ${total} solved`,
  challengeColumn: "Challenge",
  hintsColumn: "Help taken",
  solved: "Solved",
  notSolved: "Not solved",
  hintsUsed: (used, total) => `${used} of ${total} hints`,
  solutionSeen: "asked for the solution",
};

const ko: SavedMessages = {
  save: "저장",
  saveTitle: "지금 이 브라우저에 머신을 저장합니다 (단계를 마쳤을 때와 콘솔이 잠시 조용해졌을 때도 자동으로 저장됩니다)",
  saving: "저장하는 중…",
  savedAt: (time) => `${time}에 저장됨`,
  notSaved: "아직 저장하지 않음",
  more: "저장한 작업",
  exportProgress: "진도 내보내기",
  exportMachine: "머신 내보내기",
  exportMachineTitle: "실행 중인 머신과 진도를 파일로 내려받습니다 (다른 컴퓨터로 옮기거나 과제로 제출할 때)",
  importFile: "가져오기…",
  importFileTitle: "내보낸 진도 파일이나 머신 파일을 불러옵니다",
  progressReport: "진도 보고서",
  files: "파일",
  resumeHeading: "저장해 둔 머신",
  resumeBody: (savedAt, age) =>
    `저장해 둔 머신(${savedAt} 저장, ${age})을 이어서 쓰거나, 새 머신으로 시작할 수 있습니다. 저장한 뒤에 한 작업은 이 머신에 들어 있지 않습니다.`,
  resumeRunaway: "이 머신은 셸에서 프로세스가 폭주하던 중에 저장되었습니다. 이어서 한 뒤 ‘폭주 프로세스 중지’를 누르면 셸을 되찾을 수 있습니다. 새로 시작해도 됩니다.",
  resume: "이어서 하기",
  startFresh: "새로 시작",
  startFreshTitle: "처음 상태의 머신으로 시작합니다. 저장해 둔 머신은 다음에 저장할 때 덮어씁니다",
  problemHeading: "저장한 작업",
  problem: (problem) => {
    switch (problem.kind) {
      case "quota":
        return "브라우저 저장 공간이 가득 차서 머신을 저장하지 못했습니다. 이전에 저장한 머신과 코스 진도는 그대로 남아 있습니다. 공간을 확보하거나 머신을 파일로 내보낸 뒤 다시 저장해 주세요.";
      case "storage-unavailable":
        return "이 브라우저에서는 페이지가 머신을 저장할 수 없습니다(시크릿 창이거나 사이트 데이터 저장이 꺼져 있음). 코스 진도는 유지되며, 머신은 ‘머신 내보내기’로 파일로 보관할 수 있습니다.";
      case "storage-blocked":
        return "다른 탭에서 이전 버전의 랩이 브라우저 저장 공간을 붙잡고 있어 머신을 저장하지 못했습니다. 이전에 저장한 머신과 코스 진도는 그대로 남아 있습니다. 그 탭을 닫거나 새로 고친 뒤 다시 저장해 주세요.";
      case "save-failed":
        return "머신을 저장하지 못했습니다. 이전에 저장한 머신과 코스 진도는 그대로 남아 있습니다.";
      case "saved-corrupt":
        return "저장해 둔 머신이 손상되어 이어서 쓸 수 없습니다. ‘새로 시작’을 눌러 계속하세요. 코스 진도는 유지됩니다.";
      case "saved-incompatible":
        return `저장해 둔 머신을 이어서 쓸 수 없습니다. ${mismatchKo(problem.mismatch)}. ‘새로 시작’을 눌러 계속하세요. 코스 진도는 유지됩니다.`;
      case "import-corrupt":
        return `${problem.fileName} 파일이 손상되어 가져오지 않았습니다. 아무것도 바뀌지 않았습니다.`;
      case "import-unknown":
        return `${problem.fileName} 파일은 내보낸 진도 파일이나 머신 파일이 아닙니다. 아무것도 바뀌지 않았습니다.`;
      case "import-incompatible":
        return `${problem.fileName} 파일의 머신은 여기서 실행할 수 없습니다. ${mismatchKo(problem.mismatch)}. 아무것도 바뀌지 않았습니다.`;
    }
  },
  technicalDetail: "자세히",
  notice: (notice, formatTime) =>
    notice.kind === "progress-imported"
      ? `진도를 가져왔습니다. 지금까지 모두 ${notice.steps}단계를 마쳤습니다.`
      : `머신을 가져와서(${formatTime(notice.savedAt)} 저장) 이어서 실행합니다. 지금까지 모두 ${notice.steps}단계를 마쳤습니다.`,
  filesHeading: "파일",
  close: "닫기",
  uploadHeading: "머신 안으로 파일 복사",
  uploadHint: (limit) => `최대 ${limit}까지 복사할 수 있습니다. 터미널 위에 파일을 끌어다 놓아도 됩니다.`,
  chooseFile: "파일 선택…",
  destinationLabel: "머신 안의 폴더",
  downloadHeading: "머신 밖으로 파일 복사",
  guestPathLabel: "머신 안의 경로",
  download: "내려받기",
  dropHere: "놓으면 /root에 복사합니다",
  uploading: (name) => `${name} 파일을 머신 안으로 복사하는 중…`,
  downloading: (path) => `${path} 파일을 머신 밖으로 복사하는 중…`,
  uploaded: (path, size) => `${path}에 복사했습니다 (${size}).`,
  downloaded: (name, size) => `${name} 파일을 내려받았습니다 (${size}).`,
  transferFailed: "파일을 복사하지 못했습니다",
  transferProblem: (problem, size) => {
    switch (problem.kind) {
      case "too-large":
        return `파일 크기가 ${size(problem.size)}입니다. ${size(problem.limit)}까지만 복사할 수 있습니다.`;
      case "no-space":
        return `파일 크기는 ${size(problem.size)}인데 머신에 남은 공간은 ${size(problem.free)}입니다. 머신 안의 파일을 지우고 다시 시도해 주세요.`;
      case "bad-path":
        return `“${problem.path}”은(는) 머신 안의 전체 경로가 아닙니다 (/로 시작해야 합니다).`;
      case "not-found":
        return `머신 안에 ${problem.path}이(가) 없습니다.`;
      case "not-a-file":
        return `${problem.path}은(는) 일반 파일이 아니라 폴더나 장치입니다.`;
      case "no-directory":
        return `머신 안에 ${problem.path} 폴더가 없습니다.`;
      case "guest-error":
        return `머신에서 오류가 났습니다: ${problem.detail}`;
    }
  },
  machineNotReady: "머신이 준비될 때까지 기다려 주세요.",
  reportHeading: "Isolation Lab 진도 보고서",
  learnerName: "학습자",
  learnerNamePlaceholder: "이름 (선택)",
  reportPrinted: (date) => `${date} 기준`,
  reportSummary: (done, total, exercises, exerciseTotal) =>
    `전체 ${total}단계 중 ${done}단계 완료, 실습 ${exerciseTotal}개 중 ${exercises}개 완료.`,
  stepColumn: "단계",
  statusColumn: "상태",
  timeColumn: "완료 시각",
  done: "완료",
  notDone: "미완료",
  timeUnknown: "시각 기록 없음",
  print: "인쇄",
  challengesHeading: "도전 과제",
  challengesSummary: (solved, total) => `${total}개 중 ${solved}개 해결`,
  challengeColumn: "도전 과제",
  hintsColumn: "받은 도움",
  solved: "해결",
  notSolved: "미해결",
  hintsUsed: (used, total) => `힌트 ${total}개 중 ${used}개`,
  solutionSeen: "모범 답안 요청",
};

export const SAVED_MESSAGES: Readonly<Record<Locale, SavedMessages>> = { en, ko };

/** A size in the learner's terms (kB/MB, decimal like the rest of the page). */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** A date and time in the learner's language; today's times without the date (the header is narrow). */
/** How long ago `at` was, in the learner's language: "12 minutes ago", "12분 전". */
export function formatAge(at: Date, locale: Locale, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
  const words = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
  if (seconds < 60) return words.format(-seconds, "second");
  if (seconds < 3600) return words.format(-Math.floor(seconds / 60), "minute");
  if (seconds < 86400) return words.format(-Math.floor(seconds / 3600), "hour");
  return words.format(-Math.floor(seconds / 86400), "day");
}

export function formatTime(at: Date, locale: Locale, now: Date = new Date()): string {
  const today = at.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(locale, today ? { timeStyle: "short" } : { dateStyle: "medium", timeStyle: "short" }).format(at);
}
