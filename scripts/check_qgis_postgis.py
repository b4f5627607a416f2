#!/usr/bin/python3
"""Opens a parkgis table from PostGIS in QGIS (headless), as a user adds it with Layer › Add PostGIS layers.

A manual check that QGIS reads what the PostGIS store writes: the geometry column registered in
geometry_columns with its type and SRID, the fid key, the GiST index. Needs python3-qgis and
qgis-providers and the system Python:

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/check_qgis_postgis.py \\
        "host=127.0.0.1 port=5432 dbname=parks user=zhang" ningde parcel_metrics

The connection may also be given as parkgis's --db takes it (postgresql://… or PG:…).

Prints the layer's geometry type, CRS, key, feature count and extent. Exit code 1 when QGIS cannot open
the layer or it is not a polygon layer.
"""
import os
import sys
from urllib.parse import unquote, urlparse

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsDataSourceUri, QgsVectorLayer, QgsWkbTypes  # noqa: E402


def conninfo_of(location):
    """QGIS's QgsDataSourceUri reads key=value conninfo only: a postgresql:// URI (as parkgis --db takes it)
    is turned into its conninfo form; PG:conninfo loses its prefix."""
    if location.startswith("PG:"):
        return location[3:]
    if not location.startswith(("postgresql://", "postgres://")):
        return location
    u = urlparse(location)
    parts = {"host": u.hostname, "port": u.port, "dbname": u.path.lstrip("/") or None,
             "user": unquote(u.username) if u.username else None,
             "password": unquote(u.password) if u.password else None}
    return " ".join("%s=%s" % (k, v) for k, v in parts.items() if v)


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    location, schema, table = sys.argv[1:]
    conninfo = conninfo_of(location)
    app = QgsApplication([], False)
    app.initQgis()
    try:
        uri = QgsDataSourceUri(conninfo)
        uri.setDataSource(schema, table, "geom", "", "fid")
        layer = QgsVectorLayer(uri.uri(False), table, "postgres")
        if not layer.isValid():
            print("QGIS cannot open %s.%s: %s" % (schema, table, layer.error().summary()))
            return 1
        geometry = QgsWkbTypes.geometryDisplayString(layer.geometryType())
        print("layer %s.%s: %s (%s), %s, %d features, key %s" % (
            schema, table, geometry, QgsWkbTypes.displayString(layer.wkbType()), layer.crs().authid(),
            layer.featureCount(), uri.keyColumn()))
        print("extent:", layer.extent().toString(1))
        print("fields:", len(layer.fields()))
        if layer.geometryType() != QgsWkbTypes.PolygonGeometry:
            print("not a polygon layer")
            return 1
        return 0
    finally:
        app.exitQgis()


if __name__ == "__main__":
    sys.exit(main())
