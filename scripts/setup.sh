#!/usr/bin/env bash
# Installs the Debian packages parkgis needs, and nothing when all are present.
# Idempotent: safe to run on every build. Needs root (or sudo) only when something is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libgdal-dev gdal-bin
  libgeos-dev
  libproj-dev proj-bin
  libsqlite3-dev sqlite3
  libspatialite-dev libsqlite3-mod-spatialite spatialite-bin
  libxlsxwriter-dev libminizip-dev
  libpq-dev postgresql-15 postgresql-15-postgis-3
  qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools libgl-dev
  qt6-charts-dev libqt6opengl6-dev
  qt6-translations-l10n
  libgtest-dev libbenchmark-dev
  libmimalloc-dev
  fonts-noto-cjk
  time ccache
  dpkg-dev file
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup: missing packages (${missing[*]}) and not root; run as root or install them" >&2
    exit 2
  fi
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
