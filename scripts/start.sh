#!/usr/bin/env bash
# Sets up everything the lab needs on a fresh Debian/Ubuntu machine, builds it and serves it with the
# lab's own server (scripts/serve.ts: precompressed files, wasm MIME type, cache headers).
# Usage: bash scripts/start.sh [--lan] [--class]   --lan serves every network interface (a classroom) and
# prints the addresses to give students; --class adds the live class view (students may join from the
# lab page; the instructor's one-time address is printed). Environment: HOST (default 127.0.0.1, or
# 0.0.0.0 with --lan), PORT (default 5173).
source "$(dirname "$0")/lib.sh"

default_host=127.0.0.1
class_option=()
for arg in "$@"; do
  case "$arg" in
    --lan) default_host=0.0.0.0 ;;
    --class) class_option=(--class) ;;
    *) die "unknown option $arg (usage: bash scripts/start.sh [--lan] [--class])" ;;
  esac
done

check_node
install_npm_packages
bash images/build.sh
step "Building the web app (vite build)"
npx vite build --logLevel warn
host="${HOST:-$default_host}" port="${PORT:-5173}"
step "Isolation Lab is ready (Ctrl+C stops the server)"
exec npx tsx scripts/serve.ts --host "$host" --port "$port" "${class_option[@]}"
