#!/usr/bin/env bash
# Cuts the /usr image into the parts the lab loads lazily (src/vm/lazy-disk.ts): the image is padded to
# whole chunks, and each chunk becomes usr-START-END.img, a plain file any static server and the service
# worker's cache can hold, and that travels compressed as the build's other files do (their .br/.gz
# variants). The snapshot build adds which parts a boot and a resume read first (the manifest's
# disk.prefetch).
# Usage: pack-disk.sh IMAGE CHUNK_BYTES OUT_DIR   prints the manifest's "disk" entry (JSON) on stdout
source "$(dirname "$0")/../lib/common.sh"

image="${1:?usage}" chunk="${2:?usage}" out="${3:?usage}"
require_commands sha256sum truncate
size=$(stat -c %s "$image")
padded=$(((size + chunk - 1) / chunk * chunk))
truncate -s "$padded" "$image"
sha="$(sha256sum <"$image" | cut -d' ' -f1)"
parts=()
for ((start = 0; start < padded; start += chunk)); do
  name="usr-$start-$((start + chunk)).img"
  dd if="$image" of="$out/$name" bs="$chunk" skip=$((start / chunk)) count=1 status=none || die "cutting $name failed"
  parts+=("$(printf '{"path":"%s","size":%s,"sha256":"%s"}' "$name" "$(stat -c %s "$out/$name")" "$(sha256sum <"$out/$name" | cut -d' ' -f1)")")
done
info "usr.img: $((padded / chunk)) parts of $((chunk / 1024)) KiB" >&2
printf '{"path":"usr.img","size":%s,"sha256":"%s","chunkSize":%s,"parts":[%s]}\n' "$padded" "$sha" "$chunk" "$(IFS=,; echo "${parts[*]}")"
