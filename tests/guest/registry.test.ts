// The guest's OCI images and its registry (images/oci/build-images.sh, /usr/bin/minidock-registry):
// every digest recomputes with sha256sum, and the registry answers the OCI distribution API on
// loopback, refusing bytes that do not match their digest. One VM for the file: the registry started
// in the first test serves the others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { sh, shOk, startVm } from "./helpers.ts";

let vm: VirtualMachine;

beforeAll(async () => {
  vm = await startVm();
});

afterAll(async () => {
  await vm?.dispose();
});

const REG = "/var/lib/registry";

/**
 * A raw HTTP request through bash's /dev/tcp: prints the status line, the headers (CR removed) and the
 * body. BODY_FILE, when given, is sent with its Content-Length.
 */
const HTTP = [
  "http() { # METHOD PATH [BODY_FILE]",
  "  exec 3<>/dev/tcp/127.0.0.1/5000",
  '  if [ -n "${3:-}" ]; then',
  "    printf '%s %s HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nContent-Length: %s\\r\\n\\r\\n' \"$1\" \"$2\" \"$(wc -c <\"$3\")\" >&3",
  '    cat "$3" >&3',
  "  else",
  "    printf '%s %s HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' \"$1\" \"$2\" >&3",
  "  fi",
  "  tr -d '\\r' <&3",
  "  exec 3<&-",
  "}",
].join("\n");

async function http(script: string): Promise<string> {
  return shOk(vm, `${HTTP}\n${script}`, { timeoutMs: 60_000 });
}

function field(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match?.[1]) throw new Error(`no ${pattern} in:\n${text}`);
  return match[1];
}

describe.sequential("OCI images and the registry", () => {
  it("stores each repository as an OCI image layout whose digests sha256sum recomputes", async () => {
    const repo = `${REG}/repositories/lab/web`;
    expect(await shOk(vm, `cat ${repo}/oci-layout`)).toBe('{"imageLayoutVersion": "1.0.0"}');
    const index = await shOk(vm, `cat ${repo}/index.json`);
    expect(index).toContain('"org.opencontainers.image.ref.name": "latest"');
    const manifestDigest = field(index, /"digest": "sha256:([0-9a-f]{64})"/);
    // Every blob's name is the sha256 of its bytes.
    expect(await shOk(vm, `cd ${REG}/blobs/sha256 && for f in *; do [ "$(sha256sum $f | cut -c1-64)" = $f ] || echo BAD $f; done; ls | wc -l`)).toMatch(/^\d+$/);
    const manifest = await shOk(vm, `cat ${repo}/blobs/sha256/${manifestDigest}`);
    expect(manifest).toContain('"mediaType": "application/vnd.oci.image.manifest.v1+json"');
    const configDigest = field(manifest, /"config": \{[^}]*"digest": "sha256:([0-9a-f]{64})"/);
    const layers = [...manifest.matchAll(/tar\+gzip", "digest": "sha256:([0-9a-f]{64})"/g)].map((m) => m[1]!);
    expect(layers).toHaveLength(3);
    const config = await shOk(vm, `cat ${repo}/blobs/sha256/${configDigest}`);
    for (const key of ['"Env"', '"Cmd"', '"WorkingDir": "/var/www"', '"ExposedPorts": {"80/tcp": {}}', '"history"']) {
      expect(config).toContain(key);
    }
    // diff_ids are the digests of the uncompressed layers, in the same order as the manifest's layers.
    const diffIds = [...config.matchAll(/"sha256:([0-9a-f]{64})"/g)].map((m) => m[1]!);
    const unzipped = await shOk(vm, layers.map((l) => `gzip -dc ${repo}/blobs/sha256/${l} | sha256sum | cut -c1-64`).join("; "));
    expect(unzipped.split("\n")).toEqual(diffIds);
    // busybox and lab/web share their bottom layer: the same bytes, one blob.
    const busyboxManifest = field(await shOk(vm, `cat ${REG}/repositories/busybox/index.json`), /"digest": "sha256:([0-9a-f]{64})"/);
    expect(await shOk(vm, `cat ${REG}/blobs/sha256/${busyboxManifest}`)).toContain(layers[0]);
  });

  it("answers the distribution API on 127.0.0.1:5000 only", async () => {
    expect(await shOk(vm, "minidock-registry", { timeoutMs: 30_000 })).toMatch(/listening on http:\/\/127.0.0.1:5000/);
    expect(await shOk(vm, "ss -ltnH | awk '{print $4}' | grep ':5000$'")).toBe("127.0.0.1:5000");
    const base = await http("http GET /v2/");
    expect(base).toMatch(/^HTTP\/1.1 200 OK\n/);
    expect(base).toContain("Docker-Distribution-API-Version: registry/2.0");
    expect(await http("http GET /v2/_catalog")).toMatch(/\{"repositories": \["busybox","lab\/web"\]\}$/);
    expect(await http("http GET /v2/lab/web/tags/list")).toMatch(/\{"name": "lab\/web", "tags": \["latest"\]\}$/);

    const manifest = await http("http GET /v2/busybox/manifests/latest");
    expect(manifest).toContain("Content-Type: application/vnd.oci.image.manifest.v1+json");
    const digest = field(manifest, /Docker-Content-Digest: (sha256:[0-9a-f]{64})/);
    // By digest too; a HEAD has the headers and no body.
    expect(await http(`http GET /v2/busybox/manifests/${digest}`)).toContain('"schemaVersion": 2');
    expect(await http(`http HEAD /v2/busybox/manifests/latest`)).not.toContain("schemaVersion");
    const layer = field(manifest, /tar\+gzip", "digest": "(sha256:[0-9a-f]{64})"/);
    // The body, raw (bytes after the headers, Content-Length of them), hashes to the digest asked for.
    const blob = await shOk(
      vm,
      `exec 3<>/dev/tcp/127.0.0.1/5000
       printf 'GET /v2/busybox/blobs/${layer} HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' >&3
       cat <&3 >/tmp/response
       length=$(tr -d '\\r' </tmp/response | sed -n 's/^Content-Length: //p' | head -n 1)
       tail -c "$length" /tmp/response | sha256sum | cut -c1-64`,
    );
    expect(blob).toBe(layer.slice(7));
    const unknown = await http(`http GET /v2/busybox/blobs/sha256:${"0".repeat(64)}`);
    expect(unknown).toMatch(/^HTTP\/1.1 404 Not Found\n/);
    expect(unknown).toContain('"code": "BLOB_UNKNOWN"');
    expect(await http("http GET /v2/nothing/tags/list")).toContain('"code": "NAME_UNKNOWN"');
  });

  it("stores an uploaded blob only when its bytes match the digest, and a manifest only when its blobs are there", async () => {
    const out = await http(`echo 'a new layer' >/tmp/blob
      good=sha256:$(sha256sum /tmp/blob | cut -c1-64)
      upload=$(http POST /v2/lab/test/blobs/uploads/ | sed -n 's/^Location: //p')
      echo "upload $upload"
      http PUT "$upload?digest=sha256:${"1".repeat(64)}" /tmp/blob | head -1
      ls ${REG}/blobs/sha256/${"1".repeat(64)} 2>/dev/null || echo not-stored
      http PUT "$upload?digest=$good" /tmp/blob | head -1
      [ -f ${REG}/blobs/sha256/\${good#sha256:} ] && echo stored`);
    expect(out).toMatch(/^upload \/v2\/lab\/test\/blobs\/uploads\/[0-9a-f]+$/m);
    expect(out).toMatch(/HTTP\/1.1 400 Bad Request\nnot-stored\nHTTP\/1.1 201 Created\nstored$/);

    const manifest = await http(`cfg=$(sha256sum /tmp/blob | cut -c1-64)
      printf '{"schemaVersion": 2, "config": {"digest": "sha256:%s"}, "layers": [{"digest": "sha256:%s"}]}' $cfg ${"2".repeat(64)} >/tmp/m1
      http PUT /v2/lab/test/manifests/v1 /tmp/m1 | grep -E '^HTTP|MANIFEST'
      printf '{"schemaVersion": 2, "config": {"digest": "sha256:%s"}, "layers": []}' $cfg >/tmp/m2
      http PUT /v2/lab/test/manifests/v1 /tmp/m2 | grep -E '^HTTP|^Docker-Content-Digest'
      echo "m2 sha256:$(sha256sum /tmp/m2 | cut -c1-64)"
      http GET /v2/lab/test/tags/list | tail -1`);
    expect(manifest).toMatch(/^HTTP\/1.1 400 Bad Request\n.*MANIFEST_BLOB_UNKNOWN.*\nHTTP\/1.1 201 Created\n/);
    const stored = field(manifest, /Docker-Content-Digest: (sha256:[0-9a-f]{64})/);
    expect(manifest).toContain(`m2 ${stored}`);
    expect(manifest.trim().split("\n").at(-1)).toBe('{"name": "lab/test", "tags": ["v1"]}');
    expect(await shOk(vm, `cat ${REG}/repositories/lab/test/oci-layout; ls ${REG}/repositories/lab/test/blobs/sha256 | grep -c .`)).toMatch(
      /^\{"imageLayoutVersion": "1.0.0"\}\n\d+$/,
    );
  });

  it("is not reachable on another address of the machine", async () => {
    const out = await sh(vm, "ip addr add 10.99.0.1/24 dev lo; exec 3<>/dev/tcp/10.99.0.1/5000 && echo connected");
    expect(out.stdout).not.toContain("connected");
  });
});
