// Every word the challenges show (in the course overview and the challenge view), in every locale. The
// interface makes a missing translation a type error.
import type { ChallengeTopic } from "../exercises/challenge-schema.ts";
import type { Locale } from "../exercises/locales.ts";

export interface ChallengeMessages {
  readonly challenges: string;
  readonly challengesIntro: string;
  readonly challenge: string;
  readonly topics: Readonly<Record<ChallengeTopic, string>>;
  readonly minutes: (n: number) => string;
  readonly solved: string;
  readonly hintsUsed: (used: number, total: number) => string;
  readonly goal: string;
  readonly hints: string;
  readonly hintNumber: (n: number) => string;
  readonly showHint: (next: number, total: number) => string;
  readonly noMoreHints: string;
  readonly solution: string;
  readonly showSolution: string;
  readonly confirmSolution: string;
  readonly yesShowSolution: string;
  readonly solutionHidden: string;
  readonly challengeSolved: string;
}

const en: ChallengeMessages = {
  challenges: "Challenges",
  challengesIntro: "A goal and no commands: reach it your own way. The lab checks the machine, as for the steps.",
  challenge: "Challenge",
  topics: { namespaces: "Namespaces", networking: "Networking", cgroups: "cgroups", images: "Images", runtime: "Runtime" },
  minutes: (n) => `~${n} min`,
  solved: "Solved",
  hintsUsed: (used, total) => `${used} of ${total} hints used`,
  goal: "Goal",
  hints: "Hints",
  hintNumber: (n) => `Hint ${n}`,
  showHint: (next, total) => `Show hint ${next} of ${total}`,
  noMoreHints: "That was the last hint.",
  solution: "Reference solution",
  showSolution: "Show the solution",
  confirmSolution: "Sure? You learn more by trying with the hints. Ask once more to see the solution.",
  yesShowSolution: "Yes, show it",
  solutionHidden: "The reference solution shows once you solve the challenge, or after you ask for it twice.",
  challengeSolved: "Challenge solved!",
};

const ko: ChallengeMessages = {
  challenges: "도전 과제",
  challengesIntro: "목표만 있고 명령은 없습니다. 자기 방식으로 목표에 도달해 보세요. 단계와 마찬가지로 실습 환경이 머신을 직접 확인합니다.",
  challenge: "도전 과제",
  topics: { namespaces: "네임스페이스", networking: "네트워크", cgroups: "cgroup", images: "이미지", runtime: "런타임" },
  minutes: (n) => `약 ${n}분`,
  solved: "해결",
  hintsUsed: (used, total) => `힌트 ${total}개 중 ${used}개 사용`,
  goal: "목표",
  hints: "힌트",
  hintNumber: (n) => `힌트 ${n}`,
  showHint: (next, total) => `힌트 보기 (${next}/${total})`,
  noMoreHints: "마지막 힌트였습니다.",
  solution: "모범 답안",
  showSolution: "모범 답안 보기",
  confirmSolution: "정말 볼까요? 힌트를 보며 직접 시도해야 더 많이 배웁니다. 한 번 더 요청하면 모범 답안을 보여 줍니다.",
  yesShowSolution: "네, 보여 주세요",
  solutionHidden: "모범 답안은 도전 과제를 해결하거나 두 번 요청하면 볼 수 있습니다.",
  challengeSolved: "도전 과제를 해결했습니다!",
};

export const CHALLENGE_MESSAGES: Readonly<Record<Locale, ChallengeMessages>> = { en, ko };
