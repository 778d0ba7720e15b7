// The classroom server's rules: content types (wasm!), cache lifetimes, encoding negotiation and paths
// that must not leave the site's folder.
import { describe, expect, it } from "vitest";
import { cacheControl, chooseEncoding, contentType, resolveRequestPath, type Encoding } from "../../scripts/serve/http-policy.ts";
import { lanAddresses, urlsFor } from "../../scripts/serve/lan-addresses.ts";

const both = new Set<Encoding>(["br", "gzip"]);

describe("chooseEncoding", () => {
  it.each([
    ["gzip, deflate, br, zstd", both, "br"],
    ["gzip, deflate", both, "gzip"],
    ["br;q=0.5, gzip;q=0.8", both, "gzip"],
    ["br;q=0, gzip", both, "gzip"],
    ["gzip;q=0, br;q=0", both, undefined],
    ["*", both, "br"],
    ["*;q=0.3, gzip", both, "gzip"],
    ["identity", both, undefined],
    ["BR", both, "br"],
    ["x-gzip", both, "gzip"],
    ["br", new Set<Encoding>(["gzip"]), undefined],
    ["br, gzip", new Set<Encoding>(["gzip"]), "gzip"],
    ["br;q=abc, gzip", both, "gzip"],
  ] as const)("%j with %j -> %s", (header, available, expected) => {
    expect(chooseEncoding(header, available)).toBe(expected);
  });

  it("sends the file as it is without an Accept-Encoding header", () => {
    expect(chooseEncoding(undefined, both)).toBeUndefined();
    expect(chooseEncoding("", both)).toBeUndefined();
  });
});

describe("contentType", () => {
  it.each([
    ["index.html", "text/html; charset=utf-8"],
    ["assets/index-abc.js", "text/javascript; charset=utf-8"],
    ["assets/v86-abc.wasm", "application/wasm"],
    ["guest/manifest.json", "application/json; charset=utf-8"],
    ["favicon.svg", "image/svg+xml"],
    ["guest/state.bin.zst", "application/zstd"],
    ["guest/bzImage", "application/octet-stream"],
    ["guest/initrd.img", "application/octet-stream"],
    ["some.dir/noext", "application/octet-stream"],
  ])("%s -> %s", (file, type) => {
    expect(contentType(file)).toBe(type);
  });
});

describe("cacheControl", () => {
  it("keeps hashed assets for a year and revalidates everything else", () => {
    expect(cacheControl("assets/index-abc123.js")).toBe("public, max-age=31536000, immutable");
    for (const file of ["index.html", "sw.js", "guest/manifest.json", "guest/state.bin.zst", "favicon.svg"]) {
      expect(cacheControl(file), file).toBe("no-cache");
    }
  });
});

describe("resolveRequestPath", () => {
  it.each([
    ["/", "index.html"],
    ["/?x=1", "index.html"],
    ["/guest/", "guest/index.html"],
    ["/assets/a%20b.js", "assets/a b.js"],
    ["/guest/bios.bin#x", "guest/bios.bin"],
  ])("%s -> %s", (url, file) => {
    expect(resolveRequestPath(url)).toBe(file);
  });

  it.each(["/../etc/passwd", "/assets/../../x", "/%2e%2e/x", "/a%00b", "/a%5c..%5cb", "/%E0%A4%A", "relative"])("refuses %s", (url) => {
    expect(resolveRequestPath(url)).toBeUndefined();
  });
});

describe("lanAddresses", () => {
  it("lists every external IPv4 address, skipping loopback and IPv6", () => {
    const info = (address: string, family: "IPv4" | "IPv6", internal: boolean) =>
      ({ address, family, internal, netmask: "", mac: "", cidr: null }) as const;
    const interfaces = {
      lo: [info("127.0.0.1", "IPv4", true), info("::1", "IPv6", true)],
      wlan0: [info("192.168.1.20", "IPv4", false), info("fe80::1", "IPv6", false)],
      eth0: [info("10.0.0.5", "IPv4", false)],
      down: undefined,
    };
    expect(lanAddresses(interfaces as unknown as Parameters<typeof lanAddresses>[0])).toEqual([
      { interfaceName: "wlan0", address: "192.168.1.20" },
      { interfaceName: "eth0", address: "10.0.0.5" },
    ]);
  });
});

describe("urlsFor", () => {
  const lan = [
    { interfaceName: "wlan0", address: "192.168.1.20" },
    { interfaceName: "eth0", address: "10.0.0.5" },
  ];
  it("lists localhost and every LAN address when listening on all interfaces", () => {
    expect(urlsFor("0.0.0.0", 8080, lan)).toEqual(["http://localhost:8080/", "http://192.168.1.20:8080/", "http://10.0.0.5:8080/"]);
  });
  it("lists only the address listened on otherwise", () => {
    expect(urlsFor("127.0.0.1", 5173, lan)).toEqual(["http://127.0.0.1:5173/"]);
    expect(urlsFor("::1", 5173, lan)).toEqual(["http://[::1]:5173/"]);
  });
});
