#!/usr/bin/env bash
# Installs the Debian packages the guest build and the browser tests need, only those missing.
# Usage: install-host-deps.sh [--with-browser]
source "$(dirname "$0")/lib/common.sh"

packages=(gcc gcc-multilib make bc flex bison libelf-dev libssl-dev lz4 zstd cpio xz-utils binutils
  linux-source-6.1 seabios dpkg-dev erofs-utils)
[ "${1:-}" = --with-browser ] && packages+=(chromium fonts-noto-cjk)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  info "host packages: all present"
  exit 0
fi
step "Installing host packages: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq || die "apt-get update failed"
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
  die "apt-get install failed for: ${missing[*]}"
