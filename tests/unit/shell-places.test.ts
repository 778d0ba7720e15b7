import { describe, expect, it } from "vitest";
import { containerShellCommand, parseWorkspaceStatus } from "../../src/session/shell-places.ts";

describe("parseWorkspaceStatus", () => {
  it("reads where each line's shell is and which containers run", () => {
    const text = "line 1088 44 host\nline 1090 45 container c1\ncontainer 310 web server\ncontainer 201 c1\n";
    expect(parseWorkspaceStatus(text, [0, 2, 3])).toEqual({
      lines: [
        { port: 0, shellPid: 44, place: { kind: "host" } },
        { port: 2, shellPid: 45, place: { kind: "container", name: "c1" } },
        { port: 3, shellPid: undefined, place: { kind: "host" } },
      ],
      containers: [
        { pid: 201, name: "c1" },
        { pid: 310, name: "web server" },
      ],
    });
  });

  it("enters every namespace and the root of the container's first process", () => {
    expect(containerShellCommand({ pid: 201, name: "c1" })).toBe("exec nsenter --target 201 --all --root --wd sh -l\n");
  });
});
