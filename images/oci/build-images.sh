#!/usr/bin/env bash
# Builds the guest registry's images: real OCI images, made here from Debian's busybox-static (no image
# is downloaded from anywhere), stored the way a registry and the OCI image layout spec store them:
#
#   /var/lib/registry/blobs/sha256/HEX              every blob (layer, config, manifest) once, named by the
#                                               sha256 of its bytes: `sha256sum` recomputes each name
#   /var/lib/registry/repositories/NAME/oci-layout  {"imageLayoutVersion": "1.0.0"}
#   /var/lib/registry/repositories/NAME/index.json  the repository's tags: one manifest descriptor per tag
#   /var/lib/registry/repositories/NAME/blobs       a link to the shared blobs: each repository folder is a
#                                               complete OCI image layout, and a layer two images share
#                                               is stored once
#
# Everything is reproducible: the same busybox gives byte-identical blobs, hence the same digests.
# Usage: build-images.sh BUSYBOX_STATIC REGISTRY_DIR
source "$(dirname "$0")/../lib/common.sh"

busybox="${1:?usage: build-images.sh BUSYBOX_STATIC REGISTRY_DIR}"
registry="${2:?usage: build-images.sh BUSYBOX_STATIC REGISTRY_DIR}"
require_commands tar gzip sha256sum
work="$(mktemp -d "${TMPDIR:-/tmp}/isolation-lab-oci.XXXXXX")"
trap 'rm -rf "$work"' EXIT
blobs="$registry/blobs/sha256"
mkdir -p "$blobs"

# Stores a file as a blob; prints its digest.
store_blob() { # FILE
  local hex
  hex="$(sha256sum <"$1" | cut -d' ' -f1)"
  cp "$1" "$blobs/$hex"
  echo "sha256:$hex"
}
size() { stat -c %s "$1"; }

# A layer is a tarball of a folder's files; its descriptor in the manifest names the gzip-compressed
# tarball's digest, its entry in the config's rootfs.diff_ids the uncompressed tarball's. Fixed order,
# times, owners and no gzip timestamp (-n): the same files always give the same bytes.
# Sets LAYER_DIGEST, LAYER_SIZE and DIFF_ID.
make_layer() { # DIR
  (cd "$1" && find . -mindepth 1 | sed 's|^\./||' | LC_ALL=C sort |
    tar --no-recursion --format=ustar --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - -T -) >"$work/layer.tar"
  DIFF_ID="sha256:$(sha256sum <"$work/layer.tar" | cut -d' ' -f1)"
  gzip -n -9 <"$work/layer.tar" >"$work/layer.tar.gz"
  LAYER_SIZE="$(size "$work/layer.tar.gz")"
  LAYER_DIGEST="$(store_blob "$work/layer.tar.gz")"
}

# An image from layer folders, bottom first, with its config; adds NAME:TAG to the registry.
# The config and manifest are written one field per line so `cat` shows them readably; their digests
# are of exactly these bytes. The image ID that `docker images` shows is the config's digest.
make_image() { # NAME TAG CONFIG_FIELDS(JSON lines) "DIR|CREATED_BY"...
  local name="$1" tag="$2" fields="$3" entry dir created_by
  local descriptors=() diff_ids=() history=()
  shift 3
  for entry in "$@"; do
    dir="${entry%%|*}" created_by="${entry#*|}"
    make_layer "$dir"
    descriptors+=("    {\"mediaType\": \"application/vnd.oci.image.layer.v1.tar+gzip\", \"digest\": \"$LAYER_DIGEST\", \"size\": $LAYER_SIZE}")
    diff_ids+=("      \"$DIFF_ID\"")
    history+=("    {\"created\": \"1970-01-01T00:00:00Z\", \"created_by\": \"$created_by\"}")
  done
  join() { local IFS=$'\n'; local out="${*/%/,}"; echo "${out%,}"; }
  cat >"$work/config.json" <<JSON
{
  "architecture": "386",
  "os": "linux",
  "created": "1970-01-01T00:00:00Z",
  "config": {
$fields
  },
  "rootfs": {
    "type": "layers",
    "diff_ids": [
$(join "${diff_ids[@]}")
    ]
  },
  "history": [
$(join "${history[@]}")
  ]
}
JSON
  local config_digest config_size
  config_size="$(size "$work/config.json")"
  config_digest="$(store_blob "$work/config.json")"
  cat >"$work/manifest.json" <<JSON
{
  "schemaVersion": 2,
  "mediaType": "application/vnd.oci.image.manifest.v1+json",
  "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "$config_digest", "size": $config_size},
  "layers": [
$(join "${descriptors[@]}")
  ]
}
JSON
  local manifest_digest manifest_size repo
  manifest_size="$(size "$work/manifest.json")"
  manifest_digest="$(store_blob "$work/manifest.json")"
  repo="$registry/repositories/$name"
  mkdir -p "$repo"
  echo '{"imageLayoutVersion": "1.0.0"}' >"$repo/oci-layout"
  ln -sfn "$(realpath --relative-to="$repo" "$registry/blobs")" "$repo/blobs"
  cat >"$repo/index.json" <<JSON
{
  "schemaVersion": 2,
  "mediaType": "application/vnd.oci.image.index.v1+json",
  "manifests": [
    {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "$manifest_digest", "size": $manifest_size, "annotations": {"org.opencontainers.image.ref.name": "$tag"}}
  ]
}
JSON
  info "image $name:$tag: manifest $manifest_digest, image ID ${config_digest:7:12}, $# layer(s)"
}

path_env='"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]'

# busybox: one layer, like the official image: the static busybox, a link per applet, the folders a
# root filesystem needs, root's passwd/group entries. No /dev nodes and no /proc contents: the
# runtime provides those when the container starts.
base="$work/busybox"
mkdir -p "$base"/{bin,dev,etc,home,proc,root,sys,tmp,usr/sbin,var/www}
chmod 1777 "$base/tmp" && chmod 700 "$base/root"
install -m 0755 "$busybox" "$base/bin/busybox"
# The applet list comes from the (i386, static) busybox itself, run on the build host.
applets="$(run_i386 "$busybox" --list)" || die "cannot run the i386 busybox-static on this host to list its applets"
for applet in $applets; do
  [ "$applet" = busybox ] || ln -s busybox "$base/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' >"$base/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$base/etc/group"
make_image busybox latest "    $path_env,
    \"Cmd\": [\"sh\"]" \
  "$base|ADD busybox-static /bin/busybox; links for its applets"

# lab/web: a tiny web server on busybox httpd, three layers: the busybox layer above (the same bytes,
# so the same digest: the registry stores it once), a user for the server, then the site.
user="$work/web-user"
mkdir -p "$user/etc"
cp "$base/etc/passwd" "$base/etc/group" "$user/etc/"
echo 'www:x:33:33:www:/var/www:/bin/false' >>"$user/etc/passwd"
echo 'www:x:33:' >>"$user/etc/group"
site="$work/web-site"
mkdir -p "$site/var/www"
printf '<!doctype html>\n<title>lab/web</title>\n<h1>Hello from a container</h1>\n' >"$site/var/www/index.html"
make_image lab/web latest "    $path_env,
    \"Cmd\": [\"httpd\", \"-f\", \"-v\", \"-p\", \"80\", \"-u\", \"www\", \"-h\", \"/var/www\"],
    \"WorkingDir\": \"/var/www\",
    \"ExposedPorts\": {\"80/tcp\": {}}" \
  "$base|ADD busybox-static /bin/busybox; links for its applets" \
  "$user|COPY passwd group /etc/ (adds the www user)" \
  "$site|COPY index.html /var/www/index.html"
