#!/usr/bin/env bash
# What `npm test` needs besides node_modules, checked before the suite starts (`pretest`), so that no test is
# skipped or fails halfway for a missing tool: Debian's Chromium for the browser tests
# (scripts/install-chromium.sh) and translate-toolkit and OmegaT for the memory tests
# (scripts/install-cat-tools.sh). As root (CI, a container) the missing ones are installed, as .ci/run does;
# otherwise the run stops here with the one command that installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null 2>&1 || missing+=("Chromium (the browser tests)")
command -v po2tmx >/dev/null 2>&1 || missing+=("translate-toolkit (the memory tests)")
command -v omegat >/dev/null 2>&1 || missing+=("OmegaT (the memory tests)")
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then
  echo "npm test: installing what the tests need: ${missing[*]}" >&2
  bash scripts/install-chromium.sh
  bash scripts/install-cat-tools.sh
  exit 0
fi
{
  echo "npm test: the test suite needs tools that are not installed:"
  for tool in "${missing[@]}"; do echo "  - $tool"; done
  echo "Install them (Debian and Ubuntu; needs root), then run npm test again:"
  echo "  sudo bash scripts/install-chromium.sh && sudo bash scripts/install-cat-tools.sh"
} >&2
exit 1
