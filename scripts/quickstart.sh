#!/usr/bin/env bash
# Quick start (1): set up, build, and run the main job on the bundled Ningde dataset.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
mkdir -p out
exec build/bin/parkgis run datasets/ningde --db out/ningde.sqlite "$@"
