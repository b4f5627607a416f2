#pragma once
// File › Connect to PostGIS…: a libpq URI (postgresql://user@host:port/dbname, or PG:conninfo) and a
// schema. Passwords come from ~/.pgpass, PGPASSFILE or a service file; none is asked for here.

#include <QString>

class QWidget;

namespace parkgis::viewer {

// The database to open as one string ("URI" or "URI --schema NAME"), or "" when cancelled.
QString ask_postgis_location(QWidget* parent);

}  // namespace parkgis::viewer
