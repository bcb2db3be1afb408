#!/usr/bin/env bash
# Installs the CAT tools the memory tests hand our files to (test/cli/memory.test.ts): Debian's
# translate-toolkit (reads the alt-trans proposals in our XLIFF) and OmegaT (imports our TMX export in
# console mode). Only Debian's packages and the npm registry are reachable here.
set -euo pipefail
missing=()
command -v po2tmx >/dev/null 2>&1 || missing+=(translate-toolkit)
command -v omegat >/dev/null 2>&1 || missing+=(omegat)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-cat-tools: run as root (or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
po2tmx --version
