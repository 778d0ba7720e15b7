// The lab's security headers, in one place for the serve command, the build's <meta> tag (hosts that
// cannot set headers) and the nginx example (a unit test keeps docs/deploy/nginx.conf in step).
//
// The page loads everything from its own origin and talks to nobody else. What it needs beyond that:
//   - 'wasm-unsafe-eval': v86 compiles its emulator and its JIT's code blocks as WebAssembly at run time;
//   - style-src 'unsafe-inline': xterm.js writes <style> elements for its renderer, and Lit falls back to
//     <style> where constructable stylesheets are missing. Styles cannot run code; scripts stay strict;
//   - worker-src 'self' blob:: the service worker (sw.js) for offline use, and v86's two small workers
//     (its zstd decompressor for the snapshot and its timer), which v86 starts from blob: URLs it makes
//     from its own code;
//   - img-src blob: and data: for images the page makes itself. Downloads (saved work) are blob: URLs
//     opened by a link, which CSP does not govern.

/** Directives in the order they are written. */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ["default-src", "'self'"],
  ["script-src", "'self' 'wasm-unsafe-eval'"],
  ["style-src", "'self' 'unsafe-inline'"],
  ["img-src", "'self' data: blob:"],
  ["font-src", "'self'"],
  ["connect-src", "'self'"],
  ["worker-src", "'self' blob:"],
  ["manifest-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'self'"],
  ["frame-ancestors", "'none'"],
];

/** Directives a <meta> policy may not carry (browsers ignore them there, with a console warning). */
const HEADER_ONLY = new Set(["frame-ancestors", "report-uri", "report-to", "sandbox"]);

/** The Content-Security-Policy header's value. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join("; ");

/** The same policy for `<meta http-equiv="Content-Security-Policy">`: without the header-only directives. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name))
  .map(([name, value]) => `${name} ${value}`)
  .join("; ");

/** The page never needs to tell another site where it was. */
export const REFERRER_POLICY = "no-referrer";

/**
 * Powerful features the lab never uses are off for it and anything it might embed; the clipboard stays
 * for the terminal's copy and paste, fullscreen for the page itself.
 */
export const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "hid=()",
  "midi=()",
  "display-capture=()",
  "clipboard-read=(self)",
  "clipboard-write=(self)",
  "fullscreen=(self)",
].join(", ");

/** Every response of the lab's server carries these. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "referrer-policy": REFERRER_POLICY,
  "permissions-policy": PERMISSIONS_POLICY,
  // For browsers older than frame-ancestors.
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  // The page's window shares nothing with a window another site opened.
  "cross-origin-opener-policy": "same-origin",
};
