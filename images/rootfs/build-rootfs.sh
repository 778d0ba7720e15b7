#!/usr/bin/env bash
# Assembles the guest's root filesystem from the fetched .debs and packs it in two: /usr (every program
# and library) as a read-only erofs image, usr.img, which the guest mounts from a disk v86 loads lazily,
# and the rest (/etc, /var, mount points, the static /init) as an uncompressed initramfs (the kernel
# unpacks an uncompressed cpio fastest; transport compression is the server's job).
# Usage: build-rootfs.sh DEBS_DIR LOCK_FILE AGENT_BINARY OUT_DIR   (writes OUT_DIR/initrd.img, usr.img;
# lab-init and the tools are expected next to AGENT_BINARY)
source "$(dirname "$0")/../lib/common.sh"

debs="${1:?usage}" lock="${2:?usage}" agent="${3:?usage}" out="${4:?usage}"
[ "$(id -u)" = 0 ] || die "build-rootfs.sh must run as root (it creates /dev/console in the image)"
require_commands dpkg-deb readelf cpio mkfs.erofs

work="$(mktemp -d "${TMPDIR:-/tmp}/isolation-lab-rootfs.XXXXXX")"
trap 'rm -rf "$work"' EXIT
staging="$work/staging" root="$work/root"
mkdir -p "$staging" "$root"

step "Unpacking $(wc -l <"$lock") packages"
while read -r name version sha _size; do
  dpkg-deb -x "$debs/${name}_${version//:/%3a}_$sha.deb" "$staging"
done <"$lock"

step "Assembling the root filesystem"
# Merged-/usr layout, as on Debian: /bin, /sbin and /lib point into /usr.
mkdir -p "$root"/usr/{bin,sbin,lib/i386-linux-gnu,libexec,share} "$root"/{dev,proc,sys,run,tmp,mnt,root,home/student,var/tmp,etc}
ln -s usr/bin "$root/bin"
ln -s usr/sbin "$root/sbin"
ln -s usr/lib "$root/lib"
# /var/run is /run, as on every current distribution (Docker's socket is /var/run/docker.sock, and
# minidock's /var/run/minidock.sock).
ln -s ../run "$root/var/run"
chmod 1777 "$root/tmp" "$root/var/tmp"
chmod 700 "$root/root"
chown 1000:1000 "$root/home/student"
mknod -m 600 "$root/dev/console" c 5 1
mknod -m 666 "$root/dev/null" c 1 3

# Copies a path from the staging tree into the rootfs, following symlinks so the link and its target
# both land (relative to the merged layout).
copy_path() {
  local rel="$1"
  local src="$staging/$rel"
  [ -e "$src" ] || [ -L "$src" ] || return 1
  local dest="$root/$rel"
  [ -e "$dest" ] && return 0
  mkdir -p "$(dirname "$dest")"
  if [ -L "$src" ]; then
    local target
    target="$(readlink "$src")"
    ln -sfn "$target" "$dest"
    case "$target" in
      /*) copy_path "${target#/}" ;;
      *) copy_path "$(dirname "$rel")/$target" ;;
    esac
  else
    cp -a "$src" "$dest"
  fi
}

find_program() {
  local d
  for d in usr/sbin usr/bin sbin bin; do
    [ -e "$staging/$d/$1" ] && { echo "$d/$1"; return 0; }
  done
  return 1
}

declare -A done_libs=()
# Follows ELF NEEDED entries through the unpacked library packages; a library none of them ships is an
# error naming the program, so a new program in packages.txt cannot silently ship broken.
copy_libraries() {
  local file="$1" lib found d
  for lib in $(readelf -d "$file" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    [ -n "${done_libs[$lib]:-}" ] && continue
    found=
    for d in lib/i386-linux-gnu usr/lib/i386-linux-gnu lib usr/lib; do
      if [ -e "$staging/$d/$lib" ]; then found="$d/$lib"; break; fi
    done
    [ -n "$found" ] || die "$(basename "$file") needs $lib, which no fetched package ships"
    done_libs[$lib]=1
    copy_path "$found"
    copy_libraries "$(readlink -f "$staging/$found")"
  done
}

programs=()
while IFS= read -r line; do
  line="${line%%#*}"
  [[ "$line" == *:* ]] || continue
  pkg="${line%%:*}"
  for prog in ${line#*:}; do
    path="$(find_program "$prog")" || die "package $pkg has no program $prog (images/packages.txt)"
    copy_path "$path"
    programs+=("$path")
  done
done <"$IMAGES_DIR/packages.txt"

# Dynamically loaded parts that NEEDED does not list: the loader, and iptables' match/target plugins.
# Only the plugins for matches and targets this kernel has (kernel/lab.config) or that iptables-nft
# turns into native nftables expressions: the other ~100 would only fail at run time, and every byte
# here is unpacked at each cold boot and stored in the snapshot.
copy_path lib/ld-linux.so.2
xtables_plugins="libxt_standard libxt_tcp libxt_udp libipt_icmp libip6t_icmp6 libxt_conntrack libxt_state
  libxt_comment libxt_addrtype libxt_multiport libxt_MASQUERADE libxt_DNAT libxt_SNAT libxt_NAT libipt_REJECT
  libip6t_REJECT libxt_mark libxt_MARK libxt_iprange libxt_mac libxt_pkttype libxt_length libxt_statistic"
for plugin in $xtables_plugins; do
  copy_path "usr/lib/i386-linux-gnu/xtables/$plugin.so" || die "iptables has no plugin $plugin"
done
for f in "${programs[@]}" "$root"/usr/lib/i386-linux-gnu/xtables/*.so; do
  case "$f" in /*) copy_libraries "$f" ;; *) copy_libraries "$staging/$f" ;; esac
done
[ -e "$staging/usr/share/iproute2" ] && cp -a "$staging/usr/share/iproute2" "$root/usr/share/"
cp -a "$staging/lib/terminfo" "$root/usr/lib/terminfo"
mkdir -p "$root/usr/share" && ln -s ../lib/terminfo "$root/usr/share/terminfo"

# iptables: Debian picks the back end with alternatives; we pick nft (its default) with plain links.
for t in iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore; do
  ln -s xtables-nft-multi "$root/usr/sbin/$t"
  ln -s xtables-legacy-multi "$root/usr/sbin/${t/tables/tables-legacy}"
done

# busybox for everything else, as relative links (absolute ones break inside a pivot_root'ed container).
busybox_static="$staging/bin/busybox"
[ -x "$busybox_static" ] || die "busybox-static did not unpack bin/busybox"
mkdir -p "$root/usr/lib/isolation-lab"
cp "$busybox_static" "$root/usr/lib/isolation-lab/busybox-static"
step "Building the registry's OCI images from busybox-static"
bash "$IMAGES_DIR/oci/build-images.sh" "$busybox_static" "$root/var/lib/registry"
# The static build runs on the (x86_64) build host and lists its applets; the dynamic one has the same set.
applets="$(run_i386 "$busybox_static" --list-full)" || die "cannot run the i386 busybox-static on this host to list applets"
existing() { [ -e "$root/usr/bin/$1" ] || [ -e "$root/usr/sbin/$1" ] || [ -L "$root/usr/bin/$1" ] || [ -L "$root/usr/sbin/$1" ]; }
for applet in $applets; do
  name="$(basename "$applet")"
  existing "$name" && continue
  case "$applet" in
    *sbin/*) ln -s ../bin/busybox "$root/usr/sbin/$name" ;;
    *) ln -s busybox "$root/usr/bin/$name" ;;
  esac
done
ln -sf ../bin/busybox "$root/usr/sbin/init"
# /bin/sh is bash: busybox ash runs its own applets before PATH, so `sh -c 'unshare -f ...'` (or any
# `#!/bin/sh` script a learner writes) would get busybox's cut-down tools instead of util-linux's.
ln -sf bash "$root/usr/bin/sh"

step "Adding the guest agent and the overlay (init, inittab, rcS, /etc)"
install -m 0755 "$agent" "$root/usr/sbin/lab-agent"
# The tools of images/tools, compiled next to the agent: sock-serve, the listener of minidock's API (a
# unix socket) and registry (loopback TCP); unix-connect, which minidock's client talks to the socket
# through; pty-run, a terminal for crun when minidock's `run -it`/`exec -it` ask for one.
tools=(sock-serve unix-connect pty-run)
for tool in "${tools[@]}"; do install -m 0755 "$(dirname "$agent")/$tool" "$root/usr/bin/$tool"; done
cp -a "$IMAGES_DIR/rootfs/overlay/." "$root/"
chmod 700 "$root/root"
# The first process: static, since it mounts /usr (images/init/lab-init.c).
install -m 0755 "$(dirname "$agent")/lab-init" "$root/init"
for f in "$root"/usr/sbin/lab-agent "${tools[@]/#/$root/usr/bin/}"; do copy_libraries "$f"; done

mkdir -p "$out"
step "Packing /usr as a read-only erofs image"
# All files root's (the build's own user may differ) and a fixed UUID; mtimes are the packages'.
mkfs.erofs --quiet --all-root -U 6c61622d-7573-722d-6469-736b00000001 "$out/usr.img" "$root/usr" ||
  die "mkfs.erofs failed for /usr"
info "usr.img: $(du -h "$out/usr.img" | cut -f1), $(find "$root/usr" -type f | wc -l) files"
find "$root/usr" -mindepth 1 -delete
(cd "$root" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0 --reproducible) >"$out/initrd.img"
info "initrd.img: $(du -h "$out/initrd.img" | cut -f1), $(find "$root" -type f | wc -l) files"
