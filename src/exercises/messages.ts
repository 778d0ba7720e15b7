// The check runner's own words, in every locale (the checks' labels and hints come from the content).
import type { Locale } from "./locales.ts";

export interface RunnerMessages {
  timedOut(seconds: number): string;
  guestUnavailable(reason: string): string;
  killed(signal: number): string;
  answerUnavailable: string;
  wrongAnswer: string;
  wrongWithUnit(unit: string): string;
  notANumber: string;
  emptyAnswer: string;
}

export const RUNNER_MESSAGES: Readonly<Record<Locale, RunnerMessages>> = {
  en: {
    timedOut: (s) => `The check did not finish within ${s} s, so it counts as not passed. Is the machine very busy? If your terminal stopped answering too, press "Stop runaway processes" in the banner above it.`,
    guestUnavailable: (reason) => `The check could not run in the virtual machine: ${reason}`,
    killed: (signal) => `The check was killed by signal ${signal}.`,
    answerUnavailable: "The lab cannot work out the answer right now: is what the question is about still running?",
    wrongAnswer: "Not quite. Look again in the terminal.",
    wrongWithUnit: (unit) =>
      `Not quite. Check the unit: write the number in the unit the question asks for, as the terminal prints it (you wrote “${unit}”).`,
    notANumber: "The answer should be a number, e.g. 42 (a unit after it, like 42 B, is fine).",
    emptyAnswer: "Type an answer first.",
  },
  ko: {
    timedOut: (s) => `확인이 ${s}초 안에 끝나지 않아 통과하지 못한 것으로 처리했습니다. 가상 머신이 많이 바쁜가요? 터미널도 응답하지 않는다면 위쪽 알림의 "폭주 프로세스 중지"를 누르세요.`,
    guestUnavailable: (reason) => `가상 머신에서 확인을 실행하지 못했습니다: ${reason}`,
    killed: (signal) => `확인 스크립트가 시그널 ${signal}로 강제 종료되었습니다.`,
    answerUnavailable: "지금은 정답을 계산할 수 없습니다. 질문이 가리키는 프로세스가 아직 실행 중인가요?",
    wrongAnswer: "아쉽지만 틀렸습니다. 터미널에서 다시 확인해 보세요.",
    wrongWithUnit: (unit) => `아쉽지만 틀렸습니다. 단위를 확인해 보세요. 질문이 묻는 단위로, 터미널에 나온 그대로 숫자를 적어 주세요(입력한 단위: “${unit}”).`,
    notANumber: "숫자로 답해 주세요. 예: 42 (42 B, 42개처럼 뒤에 단위를 붙여도 됩니다).",
    emptyAnswer: "먼저 답을 입력해 주세요.",
  },
};
