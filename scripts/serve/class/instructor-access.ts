// Who may see the class: whoever opened the instructor's address the server printed. That address
// carries a random token and works once: it sets an HttpOnly, SameSite=Strict cookie holding a separate
// random session secret and redirects to the instructor's page, whose URL has no secret in it (nothing
// for the page's history, a screenshot or a Referer to leak). After each use the server prints a fresh
// address for another device. Secrets live in memory: a restarted server prints new ones.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const INSTRUCTOR_COOKIE = "lab_instructor";
export const ENTER_PATH = "/class/enter/";

function secret(): string {
  return randomBytes(24).toString("base64url");
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

export class InstructorAccess {
  private entryToken = secret();
  private readonly sessions = new Set<string>();

  constructor(private readonly onNewEntry: (path: string) => void = () => {}) {}

  /** The path of the instructor's one-time address (under the server's origin). */
  get entryPath(): string {
    return `${ENTER_PATH}${this.entryToken}`;
  }

  /**
   * Exchanges the token in an enter path for a session secret (to set as the cookie), or undefined when
   * the token is wrong or used. A used token is replaced, and the new address is announced.
   */
  enter(path: string): string | undefined {
    const token = path.slice(ENTER_PATH.length).split("?")[0] ?? "";
    if (!sameSecret(token, this.entryToken)) return undefined;
    this.entryToken = secret();
    this.onNewEntry(this.entryPath);
    const session = secret();
    this.sessions.add(session);
    return session;
  }

  /** 200 when the request carries a session cookie, 401 with none, 403 with a wrong one. */
  check(request: IncomingMessage): 200 | 401 | 403 {
    const value = cookie(request, INSTRUCTOR_COOKIE);
    if (value === undefined) return 401;
    for (const session of this.sessions) if (sameSecret(value, session)) return 200;
    return 403;
  }

  /** The Set-Cookie header for a session: never readable by scripts, never sent by another site. */
  static setCookie(session: string): string {
    return `${INSTRUCTOR_COOKIE}=${session}; Path=/; HttpOnly; SameSite=Strict`;
  }
}

function cookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}
