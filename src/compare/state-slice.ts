// One part of the comparison's state, owned by the module that measures it: only that module changes
// it, and every change is announced so the facade can hand the view one merged, immutable state.
export class StateSlice<T extends object> {
  private current: T;

  constructor(
    initial: T,
    private readonly changed: () => void,
  ) {
    this.current = initial;
  }

  get value(): T {
    return this.current;
  }

  set(patch: Partial<T>): void {
    this.current = { ...this.current, ...patch };
    this.changed();
  }
}
