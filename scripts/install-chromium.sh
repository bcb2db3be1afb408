#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test (test/serve/browser.test.ts), which drives it
# with playwright-core. Playwright's own browser download cannot work here: only Debian's
# packages and the npm registry are reachable.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium: run as root (or: sudo apt-get install chromium)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
chromium --version
