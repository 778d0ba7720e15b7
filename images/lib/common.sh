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
