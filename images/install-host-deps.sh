#!/usr/bin/env bash
# Installs the Debian packages the guest build and the browser tests need, only those missing.
# Usage: install-host-deps.sh [--with-browser]
source "$(dirname "$0")/lib/common.sh"

packages=(gcc gcc-multilib make bc flex bison libelf-dev libssl-dev lz4 zstd cpio xz-utils binutils
  linux-source-6.1 seabios dpkg-dev erofs-utils)
[ "${1:-}" = --with-browser ] && packages+=(chromium fonts-noto-cjk)

sudo_cmd=()
[ "$(id -u)" = 0 ] || sudo_cmd=(sudo)

# Installs those of the given packages that are missing.
install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  step "Installing host packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    die "apt-get install failed for: ${missing[*]}"
}

install_missing "${packages[@]}"
# The build runs the guest's static busybox to list its applets; a kernel without IA32 emulation
# needs qemu-user for that (see run_i386 in lib/common.sh).
if ! host_runs_i386; then
  info "this kernel does not run 32-bit x86 programs: the build runs them with qemu-user"
  install_missing qemu-user
fi
info "host packages: all present"
