import { describe, expect, it, vi } from "vitest";
import { TypedEvents } from "../../src/shared/typed-events.ts";

interface Events {
  count: number;
  name: string;
}

describe("TypedEvents", () => {
  it("delivers a payload to the listeners of that event only", () => {
    const events = new TypedEvents<Events>();
    const counts = vi.fn();
    const names = vi.fn();
    events.on("count", counts);
    events.on("name", names);
    events.emit("count", 3);
    expect(counts).toHaveBeenCalledWith(3);
    expect(names).not.toHaveBeenCalled();
  });

  it("stops delivering once the returned function is called", () => {
    const events = new TypedEvents<Events>();
    const listener = vi.fn();
    const off = events.on("count", listener);
    events.emit("count", 1);
    off();
    events.emit("count", 2);
    expect(listener.mock.calls).toEqual([[1]]);
  });

  it("lets a listener unsubscribe itself while the event is being delivered", () => {
    const events = new TypedEvents<Events>();
    const seen: string[] = [];
    const off = events.on("name", (name) => {
      seen.push(`once:${name}`);
      off();
    });
    events.on("name", (name) => seen.push(`always:${name}`));
    events.emit("name", "a");
    events.emit("name", "b");
    expect(seen).toEqual(["once:a", "always:a", "always:b"]);
  });

  it("drops every listener on clear", () => {
    const events = new TypedEvents<Events>();
    const listener = vi.fn();
    events.on("count", listener);
    events.clear();
    events.emit("count", 1);
    expect(listener).not.toHaveBeenCalled();
  });
});
