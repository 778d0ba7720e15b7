// Vite plugin (production builds only): writes the lab's Content-Security-Policy and referrer policy into
// index.html as <meta> tags, for hosts that serve files but cannot set headers (a plain file server, a
// static site host). The serve command and the nginx example send the full policy as headers too
// (frame-ancestors and Permissions-Policy exist only as headers). The development server is left
// alone: its hot-reload client injects styles and scripts the production page never needs.
import type { Plugin } from "vite";
import { META_CONTENT_SECURITY_POLICY, REFERRER_POLICY } from "../serve/security-policy.ts";

export function securityMeta(): Plugin {
  return {
    name: "isolation-lab:security-meta",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler() {
        return [
          { tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: META_CONTENT_SECURITY_POLICY }, injectTo: "head-prepend" },
          { tag: "meta", attrs: { name: "referrer", content: REFERRER_POLICY }, injectTo: "head-prepend" },
        ];
      },
    },
  };
}
