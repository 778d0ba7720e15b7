// The lab's security headers: the policy allows only the lab's own origin, the serve command sends it on
// every answer, and the nginx example and the build's <meta> tag say the same thing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  PERMISSIONS_POLICY,
  REFERRER_POLICY,
  SECURITY_HEADERS,
} from "../../scripts/serve/security-policy.ts";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

describe("content security policy", () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it("names no other origin, scheme wildcard or inline script", () => {
    for (const [name, values] of csp) {
      for (const value of values) {
        expect(value, `${name} ${value}`).toMatch(/^('self'|'none'|'wasm-unsafe-eval'|'unsafe-inline'|data:|blob:)$/);
      }
    }
    expect(csp.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    // v86 starts its zstd and timer workers from blob: URLs of its own code.
    expect(csp.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
  });

  it("leaves out of the <meta> version only what browsers ignore there", () => {
    const meta = directives(META_CONTENT_SECURITY_POLICY);
    expect(meta.has("frame-ancestors")).toBe(false);
    for (const [name, values] of meta) expect(csp.get(name)).toEqual(values);
    expect(meta.size).toBe(csp.size - 1);
  });

  it("is sent with the referrer and permissions policies", () => {
    expect(SECURITY_HEADERS["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS["referrer-policy"]).toBe("no-referrer");
    expect(PERMISSIONS_POLICY).toContain("camera=()");
    expect(PERMISSIONS_POLICY).toContain("clipboard-write=(self)");
  });

  it("is the one in the nginx example, in every location", () => {
    const conf = readFileSync(path.resolve(import.meta.dirname, "../../docs/deploy/nginx.conf"), "utf8");
    const locations = conf.split(/\n\s*location /).slice(1);
    expect(locations.length).toBeGreaterThan(0);
    for (const location of locations) {
      expect(location).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}" always;`);
      expect(location).toContain(`add_header Referrer-Policy "${REFERRER_POLICY}" always;`);
      expect(location).toContain(`add_header Permissions-Policy "${PERMISSIONS_POLICY}" always;`);
      expect(location).toContain(`add_header X-Frame-Options "DENY" always;`);
    }
  });
});
