#!/usr/bin/env bash
# Builds everything the VM needs into public/guest/ (served by the app, never committed):
# SeaBIOS, the trimmed kernel, the initramfs, /usr's disk parts, the snapshot and manifest.json.
# Outputs are cached outside the clone, keyed by every input (scripts, config, package list, agent
# source, v86 version), so a rebuild only happens when an input changes. Use --force to rebuild anyway.
source "$(dirname "$0")/lib/common.sh"

force=0
[ "${1:-}" = --force ] && force=1
dest="$REPO_DIR/public/guest"
cmdline="console=ttyS0 quiet cryptomgr.notests noisapnp init_on_free=1"
memory_mib=128
# /usr's disk is fetched in parts of this size: one part is the least a first read of a file costs.
disk_chunk=$((256 * 1024))

bash "$IMAGES_DIR/install-host-deps.sh"
require_commands node gcc zstd cpio readelf dpkg-deb apt-get sha256sum mkfs.erofs
v86_version="$(node -p 'require("'"$REPO_DIR"'/node_modules/v86/package.json").version' 2>/dev/null)" ||
  die "node_modules/v86 is missing: run npm ci first"

# The snapshot also depends on the emulated hardware src/vm gives v86 (it must match at restore time).
mapfile -t input_files < <(cd "$REPO_DIR" && find images -type f ! -name '*.md' | LC_ALL=C sort | sed "s|^|$REPO_DIR/|")
input_files+=("$REPO_DIR/src/vm/machine-options.ts" "$REPO_DIR/src/vm/manifest.ts")
key="$(inputs_key "${input_files[@]}" "v86=$v86_version" "cmdline=$cmdline" "memory=$memory_mib" "disk-chunk=$disk_chunk" \
  "linux-source=$(dpkg-query -W -f='${Version}' linux-source-6.1)" "seabios=$(dpkg-query -W -f='${Version}' seabios)")"
cached="$CACHE_DIR/guest/$key"

if [ $force = 0 ] && [ -f "$cached/manifest.json" ]; then
  step "Guest image is up to date (cache $key)"
else
  step "Building the guest image (cache key $key); the first build takes about 5 minutes"
  work="$cached.tmp"
  rm -rf "$work" && mkdir -p "$work"

  bash "$IMAGES_DIR/kernel/build-kernel.sh" "$work/kernel"
  bash "$IMAGES_DIR/rootfs/fetch-packages.sh" "$CACHE_DIR/debs" "$work/packages.lock"

  step "Compiling the guest agent (i386)"
  gcc -m32 -O2 -Wall -Wextra -Werror -o "$work/lab-agent" "$IMAGES_DIR/agent/lab-agent.c" ||
    die "compiling images/agent/lab-agent.c failed"
  # Static: it runs before /usr, and with it libc, is mounted.
  gcc -m32 -static -Os -Wall -Wextra -Werror -o "$work/lab-init" "$IMAGES_DIR/init/lab-init.c" ||
    die "compiling images/init/lab-init.c failed"
  for tool in sock-serve unix-connect pty-run; do
    gcc -m32 -O2 -Wall -Wextra -Werror -o "$work/$tool" "$IMAGES_DIR/tools/$tool.c" ||
      die "compiling images/tools/$tool.c failed"
  done
  bash "$IMAGES_DIR/rootfs/build-rootfs.sh" "$CACHE_DIR/debs" "$work/packages.lock" "$work/lab-agent" "$work"
  step "Cutting /usr's disk into parts"
  disk_json="$(bash "$IMAGES_DIR/disk/pack-disk.sh" "$work/usr.img" "$disk_chunk" "$work")" || die "packing the /usr disk failed"
  rm "$work/usr.img"

  cp /usr/share/seabios/bios.bin "$work/bios.bin"
  cp "$work/kernel/bzImage" "$work/bzImage"

  file_json() { printf '{"path":"%s","size":%s,"sha256":"%s"}' "$1" "$(stat -c %s "$work/$1")" "$(sha256sum <"$work/$1" | cut -d' ' -f1)"; }
  packages_json="$(awk 'BEGIN{printf "["} NR>1{printf ","} {printf "{\"name\":\"%s\",\"version\":\"%s\",\"sha256\":\"%s\",\"size\":%s}", $1, $2, $3, $4} END{printf "]"}' "$work/packages.lock")"
  cat >"$work/manifest.partial.json" <<JSON
{
  "format": 1,
  "builtAt": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "inputsKey": "$key",
  "vm": { "memorySize": $((memory_mib * 1024 * 1024)), "cmdline": "$cmdline", "uarts": 4 },
  "disk": $disk_json,
  "inputs": {
    "packages": $packages_json,
    "kernelSource": { "package": "linux-source-6.1", "version": "$(cat "$work/kernel/source-version")" },
    "kernelConfigSha256": "$(sha256sum <"$work/kernel/kernel.config" | cut -d' ' -f1)",
    "seabios": { "version": "$(dpkg-query -W -f='${Version}' seabios)" },
    "agentSourceSha256": "$(sha256sum <"$IMAGES_DIR/agent/lab-agent.c" | cut -d' ' -f1)"
  },
  "files": { "bios": $(file_json bios.bin), "kernel": $(file_json bzImage), "initrd": $(file_json initrd.img) }
}
JSON

  step "Booting the guest in Node to save the start-up snapshot"
  (cd "$REPO_DIR" && node_modules/.bin/tsx images/snapshot/build-snapshot.ts "$work") ||
    die "building the snapshot failed (the guest did not boot; see above)"

  cp "$work/kernel/kernel.config" "$work/kernel.config"
  rm -rf "$work/kernel" "$work/lab-agent" "$work/lab-init" "$work/sock-serve" "$work/unix-connect" "$work/pty-run"
  rm -rf "$cached" && mv "$work" "$cached"
  # Keep the three most recent builds (switching branches back and forth stays fast), drop older ones.
  ls -1dt "$CACHE_DIR"/guest/*/ 2>/dev/null | tail -n +4 | xargs -r rm -rf
fi

# Copy next to the destination, then swap, so a running server never serves a half-copied folder.
rm -rf "$dest.new" && mkdir -p "$dest.new"
cp "$cached"/{bios.bin,bzImage,initrd.img,state.bin.zst,manifest.json,kernel.config,packages.lock} "$cached"/usr-*.img "$dest.new/"
rm -rf "$dest.old" && { [ ! -e "$dest" ] || mv "$dest" "$dest.old"; } && mv "$dest.new" "$dest" && rm -rf "$dest.old"
info "public/guest: $(du -sh "$dest" | cut -f1) (kernel $(du -h "$dest/bzImage" | cut -f1), initrd $(du -h "$dest/initrd.img" | cut -f1), /usr disk $(du -ch "$dest"/usr-*.img | tail -1 | cut -f1) in parts, snapshot $(du -h "$dest/state.bin.zst" | cut -f1))"
