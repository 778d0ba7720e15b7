#!/usr/bin/env bash
# Sets up everything the lab needs on a fresh Debian/Ubuntu machine, builds it and serves it.
# Environment: HOST (default 127.0.0.1; 0.0.0.0 serves your LAN), PORT (default 5173).
source "$(dirname "$0")/lib.sh"

check_node
install_npm_packages
bash images/build.sh
step "Building the web app (vite build)"
npx vite build --logLevel warn
host="${HOST:-127.0.0.1}" port="${PORT:-5173}"
step "Isolation Lab is ready: open http://$host:$port/ in your browser (Ctrl+C stops the server)"
exec npx vite preview --host "$host" --port "$port" --strictPort
