#!/usr/bin/env bash
# The Debian package, from the build folder as it is (cpack only, nothing rebuilt): builds it, unpacks it
# into a temporary root with dpkg-deb -x and runs the programs from there, with nothing pointing back at
# the build or source tree (no LD_LIBRARY_PATH, no PARKGIS_DATA_DIR): parkgis --version names the unpacked
# share/parkgis, parkgis run imports and analyses the bundled sample from it. Checks the Depends line,
# the desktop entry, the icon and the manual page.
# usage: package_test.sh BUILD_DIR
set -euo pipefail
build="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$work"/pkg/parkgis_*.deb)
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for p in libgdal libgeos-c libspatialite libsqlite3 libqt6core6 libqt6gui6 libxlsxwriter fonts-noto-cjk; do
  grep -q "$p" <<<"$depends" || fail "Depends lacks $p"
done

root="$work/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/parkgis usr/share/parkgis/styles/idle.json usr/share/parkgis/datasets/ningde/dataset.json \
         usr/share/parkgis/docs/cli.md usr/share/man/man1/parkgis.1.gz; do
  [ -e "$root/$f" ] || fail "missing /$f"
done
if [ -e "$root/usr/bin/parkgis-viewer" ]; then
  desktop="$root/usr/share/applications/parkgis-viewer.desktop"
  grep -q '^Exec=parkgis-viewer' "$desktop" || fail "desktop entry does not start parkgis-viewer"
  grep -q '^Icon=parkgis$' "$desktop" || fail "desktop entry names no icon"
  [ -e "$root/usr/share/icons/hicolor/scalable/apps/parkgis.svg" ] || fail "missing icon"
  if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop"; fi
fi
zcat "$root/usr/share/man/man1/parkgis.1.gz" | grep -q '^\.SS survey-merge' || fail "manual page lacks survey-merge"

run() { (cd "$work" && env -u LD_LIBRARY_PATH -u PARKGIS_DATA_DIR -u PARKGIS_STYLES_DIR "$@"); }
version=$(run "$root/usr/bin/parkgis" --version)
echo "$version"
grep -qx "parkgis [0-9.]*" <<<"$(head -1 <<<"$version")" || fail "--version: $version"
[ "$(sed -n 2p <<<"$version")" = "data: $root/usr/share/parkgis" ] || fail "data not found in the unpacked tree: $version"

out=$(run "$root/usr/bin/parkgis" run --quiet) || fail "parkgis run on the bundled sample"
grep -q "合计" <<<"$out" || fail "parkgis run printed no park table: $out"
[ -s "$work/ningde.sqlite" ] || fail "parkgis run wrote no database"
echo "parkgis run: $(wc -l <<<"$out") lines of tables"
echo "package test passed"
