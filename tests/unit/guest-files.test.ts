// The pure parts of file transfer: which guest paths are accepted, where an upload goes by default,
// how names are quoted for the guest's shell, and which names the share accepts.
import { describe, expect, it } from "vitest";
import { checkGuestPath, defaultDestination, TransferError } from "../../src/files/guest-files.ts";
import { sharePath } from "../../src/vm/file-share.ts";

describe("checkGuestPath", () => {
  it("accepts absolute paths to a file", () => {
    expect(checkGuestPath("/root/notes.txt")).toBe("/root/notes.txt");
    expect(checkGuestPath("  /tmp/a b  ")).toBe("/tmp/a b");
  });

  it.each(["relative.txt", "", "/root/", "/root/a\nrm -rf /", "/x\0y"])("refuses %j", (path) => {
    expect(() => checkGuestPath(path)).toThrow(TransferError);
  });
});

describe("defaultDestination", () => {
  it("puts a file under /root by its name, with awkward characters replaced", () => {
    expect(defaultDestination("report.pdf")).toBe("/root/report.pdf");
    expect(defaultDestination("my file (2).txt")).toBe("/root/my_file__2_.txt");
    expect(defaultDestination("C:\\Users\\kim\\data.csv")).toBe("/root/data.csv");
    expect(defaultDestination("한글 파일.txt")).toBe("/root/한글_파일.txt");
    expect(defaultDestination("...hidden", "/tmp/")).toBe("/tmp/hidden");
    expect(defaultDestination("", "/tmp")).toBe("/tmp/upload");
  });
});

describe("sharePath", () => {
  it("accepts plain names only", () => {
    expect(sharePath("lab-up-abc123")).toBe("/lab-up-abc123");
    for (const bad of ["../etc/passwd", "a/b", ".hidden", "", "x".repeat(101)]) expect(() => sharePath(bad)).toThrow();
  });
});
