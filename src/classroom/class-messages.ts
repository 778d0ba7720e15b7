// Every word of the live class, for the learner's "Join the class" and the instructor's page, in every
// locale. Korean uses the page's terms (실습 for an exercise, 단계 for a step, 확인 for a check).
import type { Locale } from "../exercises/locales.ts";

export interface ClassMessages {
  // learner
  readonly joinClass: string;
  readonly joinTitle: string;
  readonly yourName: string;
  readonly join: string;
  readonly cancel: string;
  readonly joinExplain: string;
  readonly joinFailed: string;
  readonly serverForgot: string;
  inClassAs(name: string): string;
  readonly leave: string;
  queued(count: number): string;
  readonly serverAway: string;
  // instructor
  readonly pageTitle: string;
  readonly notServed: string;
  readonly needsAddress: string;
  readonly connecting: string;
  readonly live: string;
  readonly reconnecting: string;
  readonly noStudents: string;
  students(count: number, stuck: number): string;
  readonly stuckAfter: string;
  readonly minutes: string;
  readonly exportCsv: string;
  readonly columns: {
    readonly name: string;
    readonly exercise: string;
    readonly step: string;
    readonly timeOnStep: string;
    readonly failed: string;
    readonly hints: string;
    readonly done: string;
    readonly solutions: string;
    readonly challenges: string;
  };
  readonly overview: string;
  /** The exercise column of a student on a challenge. */
  challengeTitle(order: string, title: string): string;
  readonly stuck: string;
  readonly left: string;
  readonly timelineOf: (name: string) => string;
  readonly close: string;
  readonly eventNames: {
    readonly position: string;
    readonly overview: string;
    readonly "step-done": string;
    readonly "check-failed": string;
    readonly "answer-wrong": string;
    readonly "hint-shown": string;
    readonly "challenge-open": string;
    readonly "challenge-failed": string;
    readonly "challenge-hint": string;
    readonly "solution-shown": string;
    readonly "challenge-solved": string;
  };
  hintNumber(n: number): string;
}

export const CLASS_MESSAGES: Readonly<Record<Locale, ClassMessages>> = {
  en: {
    joinClass: "Join the class",
    joinTitle: "Share your progress with the instructor of this class",
    yourName: "Your name",
    join: "Join",
    cancel: "Cancel",
    joinExplain:
      "The instructor sees where you are, the steps and challenges you finish, failed attempts, hints and solutions shown, never your terminal. You can leave at any time.",
    joinFailed: "Could not join: the class server did not answer. Try again.",
    serverForgot: "The class server no longer knows you (a new class?). Join again to keep sharing.",
    inClassAs: (name) => `In class as ${name}`,
    leave: "Leave",
    queued: (count) => `${count} update${count === 1 ? "" : "s"} waiting`,
    serverAway: "The class server is not answering; your updates wait here and are sent when it is back.",
    pageTitle: "Isolation Lab: the class",
    notServed: "This page shows a class only when the lab is served with `npm run serve -- --class`.",
    needsAddress:
      "Open the instructor's address that the server printed when it started (it works once; the server prints a new one after each use).",
    connecting: "Connecting…",
    live: "Live",
    reconnecting: "Connection lost, reconnecting…",
    noStudents: "No student has joined yet. Students press “Join the class” on the lab page.",
    students: (count, stuck) => `${count} student${count === 1 ? "" : "s"}${stuck > 0 ? `, ${stuck} stuck` : ""}`,
    stuckAfter: "Stuck after",
    minutes: "min on a step",
    exportCsv: "Export CSV",
    columns: {
      name: "Student",
      exercise: "Exercise",
      step: "Step",
      timeOnStep: "Time on step",
      failed: "Failed attempts",
      hints: "Hints",
      done: "Steps done",
      solutions: "Solutions shown",
      challenges: "Challenges solved",
    },
    overview: "(overview)",
    challengeTitle: (order, title) => `Challenge ${order} · ${title}`,
    stuck: "stuck",
    left: "left",
    timelineOf: (name) => `Timeline of ${name}`,
    close: "Close",
    eventNames: {
      position: "opened step",
      overview: "back to the overview",
      "step-done": "step done",
      "check-failed": "checks failed",
      "answer-wrong": "wrong answer",
      "hint-shown": "hint shown",
      "challenge-open": "opened challenge",
      "challenge-failed": "challenge checks failed",
      "challenge-hint": "challenge hint shown",
      "solution-shown": "solution shown",
      "challenge-solved": "challenge solved",
    },
    hintNumber: (n) => `hint ${n}`,
  },
  ko: {
    joinClass: "수업 참여",
    joinTitle: "이 수업의 강사에게 진행 상황을 공유합니다",
    yourName: "이름",
    join: "참여",
    cancel: "취소",
    joinExplain:
      "강사는 지금 어디에 있는지, 마친 단계와 해결한 도전 과제, 실패한 시도, 본 힌트와 모범 답안만 볼 수 있고 터미널 내용은 볼 수 없습니다. 언제든지 나갈 수 있습니다.",
    joinFailed: "참여하지 못했습니다. 수업 서버가 응답하지 않습니다. 다시 시도하세요.",
    serverForgot: "수업 서버가 더 이상 여러분을 알지 못합니다(새 수업일 수 있습니다). 계속 공유하려면 다시 참여하세요.",
    inClassAs: (name) => `${name}(으)로 수업 참여 중`,
    leave: "나가기",
    queued: (count) => `보내지 못한 업데이트 ${count}개`,
    serverAway: "수업 서버가 응답하지 않습니다. 업데이트는 여기에 모아 두었다가 서버가 돌아오면 보냅니다.",
    pageTitle: "Isolation Lab: 수업 현황",
    notServed: "이 페이지는 실습을 `npm run serve -- --class`로 제공할 때만 수업 현황을 보여 줍니다.",
    needsAddress: "서버를 시작할 때 출력된 강사용 주소를 여세요(한 번만 쓸 수 있고, 쓸 때마다 서버가 새 주소를 출력합니다).",
    connecting: "연결 중…",
    live: "실시간",
    reconnecting: "연결이 끊겼습니다. 다시 연결하는 중…",
    noStudents: "아직 참여한 학생이 없습니다. 학생은 실습 페이지에서 “수업 참여”를 누릅니다.",
    students: (count, stuck) => `학생 ${count}명${stuck > 0 ? `, 막힌 학생 ${stuck}명` : ""}`,
    stuckAfter: "막힘 기준:",
    minutes: "분 (한 단계에 머문 시간)",
    exportCsv: "CSV 내보내기",
    columns: {
      name: "학생",
      exercise: "실습",
      step: "단계",
      timeOnStep: "단계 소요 시간",
      failed: "실패한 시도",
      hints: "힌트",
      done: "마친 단계",
      solutions: "모범 답안 확인",
      challenges: "해결한 도전 과제",
    },
    overview: "(개요)",
    challengeTitle: (order, title) => `도전 과제 ${order} · ${title}`,
    stuck: "막힘",
    left: "나감",
    timelineOf: (name) => `${name}의 활동 기록`,
    close: "닫기",
    eventNames: {
      position: "단계 열기",
      overview: "개요로 돌아감",
      "step-done": "단계 완료",
      "check-failed": "확인 실패",
      "answer-wrong": "틀린 답",
      "hint-shown": "힌트 표시",
      "challenge-open": "도전 과제 열기",
      "challenge-failed": "도전 과제 확인 실패",
      "challenge-hint": "도전 과제 힌트 표시",
      "solution-shown": "모범 답안 표시",
      "challenge-solved": "도전 과제 해결",
    },
    hintNumber: (n) => `힌트 ${n}`,
  },
};
