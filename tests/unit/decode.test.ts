import { describe, expect, it } from "vitest";
import { array, decode, formatIssues, integer, isoDateTime, literal, object, oneOf, optional, record, string, tagged } from "../../src/shared/decode.ts";

const shape = object({
  format: literal(1),
  name: string({ min: 1 }),
  size: integer({ min: 0, max: 10 }),
  kind: oneOf(["a", "b"]),
  at: optional(isoDateTime()),
  tags: array(string()),
  counts: record(integer()),
  where: tagged("view", { home: object({ view: literal("home") }), page: object({ view: literal("page"), n: integer() }) }),
});

const good = { format: 1, name: "x", size: 3, kind: "a", tags: ["t"], counts: { a: 1 }, where: { view: "page", n: 2 } };

describe("decode", () => {
  it("accepts a valid value, keeping declared fields only", () => {
    const result = decode(shape, { ...good, extra: true, at: "2026-03-01T10:20:00.000Z" });
    expect(result).toEqual({ ok: true, value: { ...good, at: "2026-03-01T10:20:00.000Z" } });
  });

  it("leaves an absent optional field out", () => {
    const result = decode(shape, good);
    expect(result.ok && "at" in result.value).toBe(false);
  });

  it("reports every problem with its path", () => {
    const result = decode(shape, { format: 2, name: "", size: 11.5, kind: "c", at: "yesterday", tags: ["ok", 3], counts: { a: "1" }, where: { view: "nowhere" } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatIssues(result.issues)).toBe(
      [
        "  format: expected 1, got number 2",
        "  name: expected at least 1 character(s)",
        "  size: expected an integer",
        "  kind: expected one of a, b",
        "  at: expected a UTC time like 2026-03-01T10:20:00.000Z",
        "  tags.1: expected a string, got number 3",
        '  counts.a: expected a number, got string "1"',
        "  where.view: expected one of home, page",
      ].join("\n"),
    );
  });

  it("refuses what is not an object, and a missing field", () => {
    for (const value of [null, [], "x", 1, undefined]) expect(decode(shape, value).ok).toBe(false);
    const { name: _name, ...missing } = good;
    const result = decode(shape, missing);
    expect(result).toEqual({ ok: false, issues: [{ path: "name", message: "required" }] });
  });

  it("keeps a __proto__ key of a record as data", () => {
    const result = decode(record(integer()), JSON.parse('{"__proto__": 1, "a": 2}'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.value)).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
  });
});
