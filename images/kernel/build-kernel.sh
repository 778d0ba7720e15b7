#!/usr/bin/env bash
# Builds the trimmed i386 guest kernel from Debian's linux-source-6.1:
# tinyconfig + kernel/lab.config, verified option by option, then bzImage.
# Usage: build-kernel.sh OUT_DIR    (writes OUT_DIR/bzImage and OUT_DIR/kernel.config)
source "$(dirname "$0")/../lib/common.sh"

out="${1:?usage: build-kernel.sh OUT_DIR}"
fragment="$IMAGES_DIR/kernel/lab.config"
tarball=/usr/src/linux-source-6.1.tar.xz
[ -f "$tarball" ] || die "$tarball not found: install Debian's linux-source-6.1 (images/install-host-deps.sh)"
require_commands make gcc bc flex bison lz4

src_version="$(dpkg-query -W -f='${Version}' linux-source-6.1)"
key="$(inputs_key "$fragment" "$0" "linux-source-6.1=$src_version" "$(gcc -dumpfullversion)")"
cached="$CACHE_DIR/kernel/$key"
if [ -f "$cached/bzImage" ]; then
  info "kernel: cached ($cached)"
else
  work="$CACHE_DIR/kernel-src/linux-source-6.1-$src_version"
  if [ ! -f "$work/Makefile" ]; then
    step "Unpacking linux-source-6.1 $src_version"
    rm -rf "$work.tmp" && mkdir -p "$work.tmp"
    tar -xJf "$tarball" -C "$work.tmp" --strip-components=1
    mv "$work.tmp" "$work"
  fi
  step "Configuring kernel (tinyconfig + images/kernel/lab.config)"
  make -C "$work" -s ARCH=i386 tinyconfig >/dev/null
  # merge_config.sh -m merges without running olddefconfig; we run it next so dependencies resolve.
  (cd "$work" && ARCH=i386 scripts/kconfig/merge_config.sh -m .config "$fragment" >/dev/null 2>&1)
  make -C "$work" -s ARCH=i386 olddefconfig >/dev/null 2>&1

  # Kconfig silently drops an option whose dependency is unmet: refuse to build a kernel that lacks one.
  missing=()
  while IFS= read -r line; do
    case "$line" in '' | '#'*) continue ;; esac
    name="${line%%=*}"
    want="${line#*=}"
    if [ "$want" = n ]; then
      grep -qx "$name=y" "$work/.config" && missing+=("$name (wanted off, is on)")
    else
      grep -qxF "$line" "$work/.config" || missing+=("$line (got: $(grep -E "^$name=|^# $name is not set" "$work/.config" || echo absent))")
    fi
  done <"$fragment"
  if [ ${#missing[@]} -gt 0 ]; then
    printf '  %s\n' "${missing[@]}" >&2
    die "kernel config dropped ${#missing[@]} requested option(s) from images/kernel/lab.config (see above)"
  fi

  step "Compiling kernel (make -j$(nproc) bzImage; about 3 minutes on 2 cores)"
  make -C "$work" -s ARCH=i386 -j"$(nproc)" bzImage KBUILD_BUILD_USER=lab KBUILD_BUILD_HOST=isolation-lab \
    KBUILD_BUILD_TIMESTAMP="linux-source-6.1 $src_version" >"$work/build.log" 2>&1 ||
    { tail -30 "$work/build.log" >&2; die "kernel build failed (log: $work/build.log)"; }
  mkdir -p "$cached.tmp"
  cp "$work/arch/x86/boot/bzImage" "$cached.tmp/bzImage"
  cp "$work/.config" "$cached.tmp/kernel.config"
  echo "$src_version" >"$cached.tmp/source-version"
  rm -rf "$cached" && mv "$cached.tmp" "$cached"
fi
mkdir -p "$out"
cp "$cached/bzImage" "$cached/kernel.config" "$cached/source-version" "$out/"
