# Shared helpers for the guest build scripts (sourced, not run).
# Every step prints what it does, so a newcomer watching `npm start` knows where the time goes.

set -euo pipefail

IMAGES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$IMAGES_DIR/.." && pwd)"
# Built artifacts live outside the clone so a fresh clone (CI, a new checkout) reuses them.
CACHE_DIR="${ISOLATION_LAB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/isolation-lab}"

step() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
info() { printf '    %s\n' "$*" >&2; }
die() {
  printf '\033[1;31merror:\033[0m %s\n' "$*" >&2
  exit 1
}

# sha256 of the given files' contents and names, plus any extra strings: a cache key.
inputs_key() {
  {
    for f in "$@"; do
      if [ -f "$f" ]; then
        printf '%s\n' "${f#"$REPO_DIR"/}"
        sha256sum <"$f"
      else
        printf '%s\n' "$f"
      fi
    done
  } | sha256sum | cut -c1-16
}

require_commands() {
  local missing=()
  for c in "$@"; do command -v "$c" >/dev/null 2>&1 || missing+=("$c"); done
  [ ${#missing[@]} -eq 0 ] || die "missing host tools: ${missing[*]} (run images/install-host-deps.sh)"
}

# Runs one of the guest's 32-bit x86 programs on the build host (the static busybox, to list its
# applets). Most x86_64 kernels run them natively; some are built without IA32 emulation, and there
# Debian's qemu-user runs them (install-host-deps.sh installs it on such a host).
run_i386() {
  if host_runs_i386; then
    "$@"
  elif command -v qemu-i386 >/dev/null 2>&1; then
    qemu-i386 "$@"
  else
    die "this host's kernel cannot run 32-bit x86 programs and qemu-i386 is missing (run images/install-host-deps.sh)"
  fi
}

# Whether the kernel runs 32-bit x86 programs: a tiny one built with gcc -m32 (gcc-multilib) is tried once.
host_runs_i386() {
  if [ -z "${HOST_RUNS_I386:-}" ]; then
    local probe
    probe="$(mktemp -d)"
    HOST_RUNS_I386=no
    if printf 'int main(void) { return 0; }\n' | gcc -m32 -x c -o "$probe/i386-probe" - 2>/dev/null &&
      "$probe/i386-probe" 2>/dev/null; then
      HOST_RUNS_I386=yes
    fi
    rm -rf "$probe"
    export HOST_RUNS_I386
  fi
  [ "$HOST_RUNS_I386" = yes ]
}
