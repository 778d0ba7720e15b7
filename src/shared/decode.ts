// Checks the shape of JSON that comes from outside (the guest manifest, stored progress, a saved
// machine's header) and gives it a type. Small on purpose: the page validates these few formats with
// these few decoders instead of shipping a schema library (the course's schema, far larger, is
// validated at build time with zod; see scripts/build/course-plugin.ts).
// A decoder returns the value it accepts, rebuilt from the declared fields only (unknown fields are
// dropped), or records every problem with its path, like `files.state.sha256: expected ...`.

const INVALID: unique symbol = Symbol("invalid");
type Invalid = typeof INVALID;

export interface DecodeIssue {
  /** Dotted path to the value, "" for the root. */
  readonly path: string;
  readonly message: string;
}

export interface Decoder<T> {
  (value: unknown, path: readonly (string | number)[], issues: DecodeIssue[]): T | Invalid;
}

/** A field an object may leave out (absent or undefined). */
export interface OptionalDecoder<T> extends Decoder<T | undefined> {
  readonly optional: true;
}

export type Infer<D> = D extends Decoder<infer T> ? Exclude<T, Invalid> : never;

type Shape = Record<string, Decoder<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalDecoder<unknown> ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> };

function fail(path: readonly (string | number)[], issues: DecodeIssue[], message: string): Invalid {
  issues.push({ path: path.join("."), message });
  return INVALID;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

export function string(options: { readonly min?: number; readonly pattern?: RegExp; readonly expected?: string } = {}): Decoder<string> {
  return (value, path, issues) => {
    if (typeof value !== "string") return fail(path, issues, `expected a string, got ${describe(value)}`);
    if (options.min !== undefined && value.length < options.min) return fail(path, issues, `expected at least ${options.min} character(s)`);
    if (options.pattern && !options.pattern.test(value)) return fail(path, issues, `expected ${options.expected ?? `text matching ${String(options.pattern)}`}`);
    return value;
  };
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** A UTC time as Date#toISOString() writes it (2026-03-01T10:20:00.000Z). */
export function isoDateTime(): Decoder<string> {
  const text = string({ pattern: ISO_DATE_TIME, expected: "a UTC time like 2026-03-01T10:20:00.000Z" });
  return (value, path, issues) => {
    const result = text(value, path, issues);
    if (result === INVALID) return INVALID;
    return Number.isNaN(Date.parse(result)) ? fail(path, issues, "expected a real date and time") : result;
  };
}

export function number(options: { readonly min?: number; readonly max?: number; readonly integer?: boolean } = {}): Decoder<number> {
  return (value, path, issues) => {
    if (typeof value !== "number" || !Number.isFinite(value)) return fail(path, issues, `expected a number, got ${describe(value)}`);
    if (options.integer && !Number.isInteger(value)) return fail(path, issues, "expected an integer");
    if (options.min !== undefined && value < options.min) return fail(path, issues, `expected at least ${options.min}`);
    if (options.max !== undefined && value > options.max) return fail(path, issues, `expected at most ${options.max}`);
    return value;
  };
}

export function integer(options: { readonly min?: number; readonly max?: number } = {}): Decoder<number> {
  return number({ ...options, integer: true });
}

export function literal<const T extends string | number | boolean>(expected: T): Decoder<T> {
  return (value, path, issues) => (value === expected ? expected : fail(path, issues, `expected ${JSON.stringify(expected)}, got ${describe(value)}`));
}

export function oneOf<const T extends readonly string[]>(values: T): Decoder<T[number]> {
  return (value, path, issues) =>
    typeof value === "string" && values.includes(value) ? value : fail(path, issues, `expected one of ${values.join(", ")}`);
}

/** Anything (kept as is, for a later, separate check). */
export function unknown(): Decoder<unknown> {
  return (value) => value;
}

export function optional<T>(decoder: Decoder<T>): OptionalDecoder<T> {
  const optionalDecoder = (value: unknown, path: readonly (string | number)[], issues: DecodeIssue[]) =>
    value === undefined ? undefined : decoder(value, path, issues);
  return Object.assign(optionalDecoder, { optional: true as const });
}

export function array<T>(item: Decoder<T>): Decoder<T[]> {
  return (value, path, issues) => {
    if (!Array.isArray(value)) return fail(path, issues, `expected an array, got ${describe(value)}`);
    const out: T[] = [];
    let valid = true;
    value.forEach((element, index) => {
      const result = item(element, [...path, index], issues);
      if (result === INVALID) valid = false;
      else out.push(result);
    });
    return valid ? out : INVALID;
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An object used as a map from any key to values of one kind. */
export function record<T>(item: Decoder<T>): Decoder<Record<string, T>> {
  return (value, path, issues) => {
    if (!isPlainObject(value)) return fail(path, issues, `expected an object, got ${describe(value)}`);
    const out: [string, T][] = [];
    let valid = true;
    for (const [key, element] of Object.entries(value)) {
      const result = item(element, [...path, key], issues);
      if (result === INVALID) valid = false;
      else out.push([key, result]);
    }
    // fromEntries defines own properties, so a "__proto__" key stays data.
    return valid ? Object.fromEntries(out) : INVALID;
  };
}

export function object<S extends Shape>(shape: S): Decoder<ObjectOf<S>> {
  return (value, path, issues) => {
    if (!isPlainObject(value)) return fail(path, issues, `expected an object, got ${describe(value)}`);
    const out: [string, unknown][] = [];
    let valid = true;
    for (const [key, decoder] of Object.entries(shape)) {
      const field = Object.hasOwn(value, key) ? value[key] : undefined;
      if (field === undefined && !("optional" in decoder)) {
        fail([...path, key], issues, "required");
        valid = false;
        continue;
      }
      const result = decoder(field, [...path, key], issues);
      if (result === INVALID) valid = false;
      else if (result !== undefined) out.push([key, result]);
    }
    return valid ? (Object.fromEntries(out) as ObjectOf<S>) : INVALID;
  };
}

/** One of several object shapes, told apart by the string in field `key`. */
export function tagged<K extends string, const V extends Record<string, Decoder<Record<string, unknown>>>>(
  key: K,
  variants: V,
): Decoder<Infer<V[keyof V]>> {
  return (value, path, issues) => {
    if (!isPlainObject(value)) return fail(path, issues, `expected an object, got ${describe(value)}`);
    const tag = value[key];
    const decoder = typeof tag === "string" && Object.hasOwn(variants, tag) ? variants[tag] : undefined;
    if (!decoder) return fail([...path, key], issues, `expected one of ${Object.keys(variants).join(", ")}`);
    return decoder(value, path, issues) as Infer<V[keyof V]> | Invalid;
  };
}

export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly DecodeIssue[] };

export function decode<T>(decoder: Decoder<T>, value: unknown): Decoded<T> {
  const issues: DecodeIssue[] = [];
  const result = decoder(value, [], issues);
  return result === INVALID ? { ok: false, issues } : { ok: true, value: result };
}

/** The issues as lines, e.g. `  files.state.sha256: expected a lowercase hex sha256`. */
export function formatIssues(issues: readonly DecodeIssue[], indent = "  "): string {
  return issues.map((issue) => `${indent}${issue.path || "(root)"}: ${issue.message}`).join("\n");
}
