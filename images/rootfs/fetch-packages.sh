#!/usr/bin/env bash
# Resolves and downloads the guest's i386 packages with private apt state (the host's apt is untouched):
# the packages named in images/packages.txt plus, transitively, the library packages they depend on.
# Usage: fetch-packages.sh DEBS_DIR LOCK_FILE
# Writes every .deb to DEBS_DIR and one line per package to LOCK_FILE: name version sha256 size
source "$(dirname "$0")/../lib/common.sh"

debs="${1:?usage: fetch-packages.sh DEBS_DIR LOCK_FILE}"
lock="${2:?usage: fetch-packages.sh DEBS_DIR LOCK_FILE}"
apt_dir="$CACHE_DIR/apt-i386"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$debs"
touch "$apt_dir/status"
apt_opts=(-oAPT::Architecture=i386 -oAPT::Architectures::=i386 -oDir::State::Lists="$apt_dir/lists"
  -oDir::State::status="$apt_dir/status" -oDir::Cache="$apt_dir/cache" -oDebug::NoLocking=1 -oAPT::Sandbox::User=root -q)

step "Updating private i386 package lists (bookworm, from the host's apt sources)"
# The security suite's i386 index sometimes fails to download; main and updates are enough, so a
# partial update is accepted as long as the main index is there.
apt-get "${apt_opts[@]}" update >"$apt_dir/update.log" 2>&1 || true
candidate=$(apt-cache "${apt_opts[@]}" policy bash 2>/dev/null || true)
[[ "$candidate" == *"Candidate: "[0-9]* ]] ||
  { cat "$apt_dir/update.log" >&2; die "could not read Debian's i386 package lists (see above)"; }

wanted=$(grep -v '^\s*#' "$IMAGES_DIR/packages.txt" | grep ':' | cut -d: -f1 | tr -d ' ')
# Breadth-first over dependencies, one apt-cache call per level. Only library packages are followed:
# the programs we copy load libraries, and never need perl, dpkg & co.
declare -A seen=()
level=($wanted)
while [ ${#level[@]} -gt 0 ]; do
  for p in "${level[@]}"; do seen[$p]=1; done
  next=()
  for dep in $(apt-cache "${apt_opts[@]}" depends --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances "${level[@]}" 2>/dev/null | awk '/^ *(Pre)?Depends:/ {print $2}' |
    grep -v '^<' | sed 's/:i386$//' | sort -u); do
    case "$dep" in lib* | zlib*) [ -z "${seen[$dep]:-}" ] && next+=("$dep") ;; esac
  done
  level=("${next[@]}")
done
names=($(printf '%s\n' "${!seen[@]}" | sort))

# Candidate version and archive sha256 of every package, in one call each.
declare -A version_of=() sha_of=()
while read -r pkg version; do version_of[$pkg]="$version"; done < <(
  apt-cache "${apt_opts[@]}" policy "${names[@]}" | awk '/^[^ ].*:$/ {sub(":$", ""); p=$1} /Candidate:/ {print p, $2}')
specs=()
for pkg in "${names[@]}"; do
  v="${version_of[$pkg]:-}"
  [ -n "$v" ] && [ "$v" != "(none)" ] || die "package $pkg has no i386 candidate in bookworm"
  specs+=("$pkg=$v")
done
while read -r pkg sha; do sha_of[$pkg]="$sha"; done < <(
  apt-cache "${apt_opts[@]}" show "${specs[@]}" | awk '/^Package:/ {p=$2} /^SHA256:/ {print p, $2}')

missing=()
for pkg in "${names[@]}"; do
  [ -f "$debs/${pkg}_${version_of[$pkg]//:/%3a}_${sha_of[$pkg]}.deb" ] || missing+=("$pkg=${version_of[$pkg]}")
done
step "Downloading ${#missing[@]} of ${#names[@]} i386 packages (the rest are cached)"
if [ ${#missing[@]} -gt 0 ]; then
  dl="$apt_dir/download" && rm -rf "$dl" && mkdir -p "$dl"
  (cd "$dl" && apt-get "${apt_opts[@]}" download "${missing[@]}" >"$apt_dir/download.log" 2>&1) ||
    { tail -20 "$apt_dir/download.log" >&2; die "downloading i386 packages failed (log: $apt_dir/download.log)"; }
fi
: >"$lock.tmp"
for pkg in "${names[@]}"; do
  version="${version_of[$pkg]}" sha="${sha_of[$pkg]}"
  file="$debs/${pkg}_${version//:/%3a}_$sha.deb"
  if [ ! -f "$file" ]; then
    got=$(ls "$apt_dir/download/${pkg}_"*.deb 2>/dev/null | head -1)
    [ -n "$got" ] || die "apt did not download $pkg $version"
    [ "$(sha256sum <"$got" | cut -d' ' -f1)" = "$sha" ] || die "$pkg $version: sha256 does not match the archive index"
    mv "$got" "$file"
  fi
  printf '%s %s %s %s\n' "$pkg" "$version" "$sha" "$(stat -c %s "$file")" >>"$lock.tmp"
done
mv "$lock.tmp" "$lock"
info "resolved $(wc -l <"$lock") packages"
