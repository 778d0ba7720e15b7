import { describe, expect, it } from "vitest";
import { formatDeepLink, parseDeepLink } from "../../src/app/deep-link.ts";

const exercises = [
  { id: "01-inside-a-vm", steps: [1, 2, 3] },
  { id: "04-pid-namespace", steps: [1, 2] },
];

describe("deep links", () => {
  it("name a step counted from 1, or the overview", () => {
    expect(parseDeepLink("#/04-pid-namespace/2", exercises)).toEqual({ view: "step", exercise: "04-pid-namespace", step: 1 });
    expect(parseDeepLink("#/01-inside-a-vm", exercises)).toEqual({ view: "step", exercise: "01-inside-a-vm", step: 0 });
    expect(parseDeepLink("#/", exercises)).toEqual({ view: "overview" });
  });

  it("name nothing when the exercise or step does not exist", () => {
    expect(parseDeepLink("#/04-pid-namespace/3", exercises)).toBeUndefined();
    expect(parseDeepLink("#/04-pid-namespace/0", exercises)).toBeUndefined();
    expect(parseDeepLink("#/nope/1", exercises)).toBeUndefined();
    expect(parseDeepLink("#top", exercises)).toBeUndefined();
  });

  it("come back from the position they were made from", () => {
    const position = { view: "step", exercise: "04-pid-namespace", step: 1 } as const;
    expect(parseDeepLink(formatDeepLink(position), exercises)).toEqual(position);
    expect(formatDeepLink({ view: "overview" })).toBe("#/");
  });
});
