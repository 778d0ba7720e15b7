// Words of the learner's workspace around the terminal: the shell's health and the way out of a
// runaway shell, and the reset confirmation. The interface makes a missing translation a type error.
import type { Locale } from "../exercises/locales.ts";

export interface WorkspaceMessages {
  /** The status pill while the machine runs but the learner's shell cannot answer. */
  readonly shellStuck: string;
  readonly runawayTitle: string;
  readonly runawayBody: (processes: number, limit: number | undefined) => string;
  readonly silentTitle: string;
  readonly silentBody: (seconds: number) => string;
  readonly stopRunaway: string;
  readonly stopRunawayTitle: string;
  readonly stopping: string;
  readonly stoppedTitle: string;
  readonly stoppedBody: (killed: number, shells: number) => string;
  readonly nothingStopped: (shells: number) => string;
  readonly killedList: string;
  readonly stopFailedTitle: string;
  // reset machine
  readonly resetConfirmTitle: string;
  readonly resetConfirmBody: string;
  readonly resetConfirm: string;
  readonly cancel: string;
  readonly resetDoneTitle: string;
  readonly resetDoneBody: string;
  // terminals
  readonly terminals: string;
  readonly host: string;
  readonly inContainer: (name: string) => string;
  readonly terminalTab: (number: number, place: string) => string;
  readonly newTerminal: string;
  readonly newTerminalTitle: string;
  readonly allTerminalsOpen: string;
  readonly closeTerminal: (number: number) => string;
  readonly split: string;
  readonly splitTitle: string;
  readonly splitHandle: string;
  readonly containerShell: string;
  readonly containerShellTitle: string;
  readonly noContainers: string;
  readonly shellEnded: string;
  readonly restartShell: (number: number) => string;
}

const en: WorkspaceMessages = {
  shellStuck: "Shell not answering",
  runawayTitle: "Runaway processes in your shell",
  runawayBody: (processes, limit) =>
    `Your shell's processes keep starting new ones (${processes}${limit === undefined ? "" : ` of at most ${limit}`} processes: a fork bomb?). ` +
    "The machine itself still answers, but your shell gets no CPU time to answer you. " +
    "Stopping them kills every process started from your terminals and keeps your login shells and everything else in the machine.",
  silentTitle: "Your terminal stopped answering",
  silentBody: (seconds) =>
    `Nothing came back for ${seconds} s after you typed, although the machine answers. A program in your shell may be stuck or ` +
    "starving it. Stopping runaway processes kills every process started from your terminals and keeps your login shells.",
  stopRunaway: "Stop runaway processes",
  stopRunawayTitle: "Kill every process in the learner's cgroup except the login shells",
  stopping: "Stopping…",
  stoppedTitle: "Runaway processes stopped",
  stoppedBody: (killed, shells) =>
    `Killed ${killed} ${killed === 1 ? "process" : "processes"} in the learner's cgroup; ` +
    `your ${shells === 1 ? "login shell was" : `${shells} login shells were`} kept. Press Enter in the terminal for a fresh prompt.`,
  nothingStopped: (shells) =>
    `There was nothing to stop: only your ${shells === 1 ? "login shell" : `${shells} login shells`} ran in the learner's cgroup.`,
  killedList: "Killed",
  stopFailedTitle: "The processes could not be stopped",
  resetConfirmTitle: "Reset the machine?",
  resetConfirmBody:
    "Everything in this machine (files, processes, containers) is discarded and the pristine snapshot returns. Your course progress is kept.",
  resetConfirm: "Reset machine",
  cancel: "Cancel",
  resetDoneTitle: "The machine is fresh",
  resetDoneBody:
    "Your course progress is kept, but the machine starts from the snapshot: steps you completed may now show failing checks until you redo their commands.",
  terminals: "Terminals",
  host: "host",
  inContainer: (name) => `container ${name}`,
  terminalTab: (number, place) => `Terminal ${number}: ${place}`,
  newTerminal: "New terminal",
  newTerminalTitle: "Open another login shell of this machine (on its own serial line)",
  allTerminalsOpen: "All three terminals are open",
  closeTerminal: (number) => `Close terminal ${number}`,
  split: "Split",
  splitTitle: "Show two terminals side by side",
  splitHandle: "Width of the left terminal",
  containerShell: "Shell in container…",
  containerShellTitle: "Open a terminal inside a running container's namespaces",
  noContainers: "No container is running. Start one (minidock run -d …, or in the comparison view) and try again.",
  shellEnded: "no shell",
  restartShell: (number) => `Restart the shell of terminal ${number}`,
};

const ko: WorkspaceMessages = {
  shellStuck: "셸 응답 없음",
  runawayTitle: "셸에서 프로세스가 폭주하고 있습니다",
  runawayBody: (processes, limit) =>
    `셸의 프로세스가 계속 새 프로세스를 만들고 있습니다(프로세스 ${processes}개${limit === undefined ? "" : `, 최대 ${limit}개`}: 포크 폭탄인가요?). ` +
    "머신 자체는 응답하지만, 셸이 CPU 시간을 받지 못해 입력에 답하지 못합니다. " +
    "중지하면 터미널에서 시작한 프로세스를 모두 종료하고, 로그인 셸과 머신의 나머지는 그대로 둡니다.",
  silentTitle: "터미널이 응답하지 않습니다",
  silentBody: (seconds) =>
    `입력한 뒤 ${seconds}초 동안 아무 출력이 없습니다. 머신은 응답하고 있으니, 셸의 어떤 프로그램이 멈췄거나 셸을 굶기고 있을 수 있습니다. ` +
    "폭주 프로세스를 중지하면 터미널에서 시작한 프로세스를 모두 종료하고 로그인 셸은 남겨 둡니다.",
  stopRunaway: "폭주 프로세스 중지",
  stopRunawayTitle: "learner cgroup의 프로세스 중 로그인 셸을 뺀 나머지를 모두 종료합니다",
  stopping: "중지하는 중…",
  stoppedTitle: "폭주 프로세스를 중지했습니다",
  stoppedBody: (killed, shells) =>
    `learner cgroup에서 프로세스 ${killed}개를 종료했고, 로그인 셸 ${shells}개는 남겨 두었습니다. 터미널에서 Enter를 누르면 새 프롬프트가 나옵니다.`,
  nothingStopped: (shells) => `중지할 프로세스가 없었습니다. learner cgroup에는 로그인 셸 ${shells}개만 실행 중이었습니다.`,
  killedList: "종료한 프로세스",
  stopFailedTitle: "프로세스를 중지하지 못했습니다",
  resetConfirmTitle: "머신을 초기화할까요?",
  resetConfirmBody: "이 머신의 모든 것(파일, 프로세스, 컨테이너)을 버리고 처음 스냅샷으로 돌아갑니다. 코스 진행 상황은 그대로 남습니다.",
  resetConfirm: "머신 초기화",
  cancel: "취소",
  resetDoneTitle: "새 머신입니다",
  resetDoneBody:
    "코스 진행 상황은 남아 있지만 머신은 스냅샷에서 새로 시작했습니다. 완료한 단계라도 명령을 다시 실행하기 전까지는 확인이 실패로 보일 수 있습니다.",
  terminals: "터미널",
  host: "호스트",
  inContainer: (name) => `컨테이너 ${name}`,
  terminalTab: (number, place) => `터미널 ${number}: ${place}`,
  newTerminal: "새 터미널",
  newTerminalTitle: "이 머신의 로그인 셸을 하나 더 엽니다(별도의 시리얼 회선)",
  allTerminalsOpen: "터미널 세 개가 모두 열려 있습니다",
  closeTerminal: (number) => `터미널 ${number} 닫기`,
  split: "나란히 보기",
  splitTitle: "터미널 두 개를 나란히 보여 줍니다",
  splitHandle: "왼쪽 터미널의 너비",
  containerShell: "컨테이너 셸…",
  containerShellTitle: "실행 중인 컨테이너의 네임스페이스 안에서 터미널을 엽니다",
  noContainers: "실행 중인 컨테이너가 없습니다. 컨테이너를 시작한 뒤(minidock run -d … 또는 비교 화면에서) 다시 시도하세요.",
  shellEnded: "셸 없음",
  restartShell: (number) => `터미널 ${number}의 셸 다시 시작`,
};

export const WORKSPACE_MESSAGES: Readonly<Record<Locale, WorkspaceMessages>> = { en, ko };
