# Shared by scripts/start.sh and scripts/test.sh (sourced).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source images/lib/common.sh

check_node() {
  command -v node >/dev/null || die "Node.js >= 20.19 is required (https://nodejs.org or your distribution's nodejs package)"
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
    die "Node.js $(node --version) is too old: the lab needs >= 20.19 (Vite 8)"
}

install_npm_packages() {
  if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    info "npm packages: up to date"
  else
    step "Installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}
