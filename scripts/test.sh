#!/usr/bin/env bash
# Sets up everything the tests need on a fresh Debian/Ubuntu machine (host packages incl. Debian's
# chromium, npm packages, the guest image) and runs every tier: typecheck, lint, unit, guest, e2e.
source "$(dirname "$0")/lib.sh"

check_node
bash images/install-host-deps.sh --with-browser
install_npm_packages
bash images/build.sh
step "Running npm run verify (typecheck, lint, unit, browser, guest and e2e tests)"
npm run verify
