<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ImportTask</name>
    <message>
        <source>parks</source>
        <translation>parks</translation>
    </message>
    <message>
        <source>zones</source>
        <translation>zones</translation>
    </message>
    <message>
        <source>parcels</source>
        <translation>parcels</translation>
    </message>
    <message>
        <source>buildings</source>
        <translation>buildings</translation>
    </message>
    <message>
        <source>approvals</source>
        <translation>approvals</translation>
    </message>
    <message>
        <source>enterprises</source>
        <translation>enterprises</translation>
    </message>
    <message>
        <source>Reading the layers</source>
        <translation>Reading the layers</translation>
    </message>
    <message>
        <source>Reading the database</source>
        <translation>Reading the database</translation>
    </message>
    <message>
        <source>Overlaying buildings and parcels</source>
        <translation>Overlaying buildings and parcels</translation>
    </message>
    <message>
        <source>Approved and unsupplied land</source>
        <translation>Approved and unsupplied land</translation>
    </message>
    <message>
        <source>Writing the results</source>
        <translation>Writing the results</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>Writing %1</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Reading %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importing %1</translation>
    </message>
    <message>
        <source>Analysing %1</source>
        <translation>Analysing %1</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::EvaluationSelector</name>
    <message>
        <source>Evaluation shown (评价时点)</source>
        <translation>Evaluation shown</translation>
    </message>
    <message>
        <source>%1 (latest)</source>
        <translation>%1 (latest)</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::ExportMapDialog</name>
    <message>
        <source>Export map</source>
        <translation>Export map</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>File (PNG or PDF)</source>
        <translation>File (PNG or PDF)</translation>
    </message>
    <message>
        <source>Size (pixels)</source>
        <translation>Size (pixels)</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF (*.pdf)</source>
        <translation>PNG image (*.png);;PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::IdentifyPanel</name>
    <message>
        <source>Changes %1</source>
        <translation>Changes %1</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>No change</translation>
    </message>
    <message>
        <source>Copy the whole section</source>
        <translation>Copy the whole section</translation>
    </message>
    <message>
        <source>Copy field and value</source>
        <translation>Copy field and value</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Copy value</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Click a parcel on the map</source>
        <translation>Click a parcel on the map</translation>
    </message>
    <message>
        <source>Parcel %1: metrics</source>
        <translation>Parcel %1: metrics</translation>
    </message>
    <message>
        <source>Parcel as imported</source>
        <translation>Parcel as imported</translation>
    </message>
    <message>
        <source>Buildings (%1)</source>
        <translation>Buildings (%1)</translation>
    </message>
    <message>
        <source>Building %1</source>
        <translation>Building %1</translation>
    </message>
    <message>
        <source>Enterprise: none</source>
        <translation>Enterprise: none</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::LayerPanel</name>
    <message>
        <source>Zone boundaries</source>
        <translation>Zone boundaries</translation>
    </message>
    <message>
        <source>Buildings (when zoomed in)</source>
        <translation>Buildings (when zoomed in)</translation>
    </message>
    <message>
        <source>Unsupplied land</source>
        <translation>Unsupplied land</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>Parks</source>
        <translation>Parks</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::MainWindow</name>
    <message>
        <source>&amp;Print layout…</source>
        <translation>&amp;Print layout…</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Table written to %1</source>
        <translation>Table written to %1</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Export table</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Shown: %1</translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation>Selected: %1</translation>
    </message>
    <message>
        <source>%1 parcels, %2 mu, tax %3 (10k CNY)</source>
        <translation>%1 parcels, %2 mu, tax %3 (10k CNY)</translation>
    </message>
    <message>
        <source>Filter: </source>
        <translation>Filter: </translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>Export table…</translation>
    </message>
    <message>
        <source>An expression over the parcel columns (as 'parkgis export --where'): = != &lt; &lt;= &gt; &gt;= LIKE, IS NULL, AND, OR; text in 'quotes'. Enter applies it, empty shows all.</source>
        <translation>An expression over the parcel columns (as 'parkgis export --where'): = != &lt; &lt;= &gt; &gt;= LIKE, IS NULL, AND, OR; text in 'quotes'. Enter applies it, empty shows all.</translation>
    </message>
    <message>
        <source>Filter, e.g. idle_status != 'not_idle' AND area_mu &gt; 10</source>
        <translation>Filter, e.g. idle_status != 'not_idle' AND area_mu &gt; 10</translation>
    </message>
    <message>
        <source>Click the corners of an area (m² and mu); double-click ends it</source>
        <translation>Click the corners of an area (m² and mu); double-click ends it</translation>
    </message>
    <message>
        <source>Measure area</source>
        <translation>Measure area</translation>
    </message>
    <message>
        <source>Click points along a line; double-click ends it</source>
        <translation>Click points along a line; double-click ends it</translation>
    </message>
    <message>
        <source>Measure distance</source>
        <translation>Measure distance</translation>
    </message>
    <message>
        <source>Zoom &amp;next</source>
        <translation>Zoom &amp;next</translation>
    </message>
    <message>
        <source>Zoom &amp;previous</source>
        <translation>Zoom &amp;previous</translation>
    </message>
    <message>
        <source>Nothing was opened</source>
        <translation>Nothing was opened</translation>
    </message>
    <message>
        <source>Parcel list</source>
        <translation>Parcel list</translation>
    </message>
    <message>
        <source>Parcel details</source>
        <translation>Parcel details</translation>
    </message>
    <message>
        <source>drawn in %1 ms</source>
        <translation>drawn in %1 ms</translation>
    </message>
    <message>
        <source>Drawing the map failed</source>
        <translation>Drawing the map failed</translation>
    </message>
    <message>
        <source>Reading the database failed</source>
        <translation>Reading the database failed</translation>
    </message>
    <message>
        <source>About parkgis viewer</source>
        <translation>About parkgis viewer</translation>
    </message>
    <message>
        <source>&lt;b&gt;parkgis viewer&lt;/b&gt; %1&lt;br&gt;Land of industrial parks: idle land, unsupplied land, per-mu yield and vacancy.&lt;br&gt;Map font: Noto Sans CJK SC.</source>
        <translation>&lt;b&gt;parkgis viewer&lt;/b&gt; %1&lt;br&gt;Land of industrial parks: idle land, unsupplied land, per-mu yield and vacancy.&lt;br&gt;Map font: Noto Sans CJK SC.</translation>
    </message>
    <message>
        <source>parkgis viewer</source>
        <translation>parkgis viewer</translation>
    </message>
    <message>
        <source>%1 — parkgis viewer</source>
        <translation>%1 — parkgis viewer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Selection</source>
        <translation>&amp;Selection</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <source>Open dataset &amp;folder (import and analyse)…</source>
        <translation>Open dataset &amp;folder (import and analyse)…</translation>
    </message>
    <message>
        <source>&amp;Export map (PNG, PDF)…</source>
        <translation>&amp;Export map (PNG, PDF)…</translation>
    </message>
    <message>
        <source>Export selection for &amp;survey…</source>
        <translation>Export selection for &amp;survey…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Full extent</source>
        <translation>&amp;Full extent</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>Zoom to &amp;selection</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>&amp;Clear selection</translation>
    </message>
    <message>
        <source>Pan and identify</source>
        <translation>Pan and identify</translation>
    </message>
    <message>
        <source>Drag to pan, click a parcel to identify and select it (shift-click adds)</source>
        <translation>Drag to pan, click a parcel to identify and select it (shift-click adds)</translation>
    </message>
    <message>
        <source>Select by rectangle</source>
        <translation>Select by rectangle</translation>
    </message>
    <message>
        <source>Drag a rectangle to select parcels (shift adds); ctrl-drag does the same with any tool</source>
        <translation>Drag a rectangle to select parcels (shift adds); ctrl-drag does the same with any tool</translation>
    </message>
    <message>
        <source>Zoom to box</source>
        <translation>Zoom to box</translation>
    </message>
    <message>
        <source>Drag a box to zoom in; shift-drag does the same with any tool</source>
        <translation>Drag a box to zoom in; shift-drag does the same with any tool</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>Search parcel, enterprise, park, zone</source>
        <translation>Search parcel, enterprise, park, zone</translation>
    </message>
    <message>
        <source>Theme: what colours the parcels</source>
        <translation>Theme: what colours the parcels</translation>
    </message>
    <message>
        <source>Parks and zones</source>
        <translation>Parks and zones</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>Parcel</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>Parcels of the park or zone</source>
        <translation>Parcels of the park or zone</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Show all</translation>
    </message>
    <message>
        <source>All parks</source>
        <translation>All parks</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>Showing: %1</translation>
    </message>
    <message>
        <source>Selected parcels (%1)</source>
        <translation>Selected parcels (%1)</translation>
    </message>
    <message>
        <source>Scale 1:%L1</source>
        <translation>Scale 1:%L1</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>Cannot open %1</translation>
    </message>
    <message>
        <source>%1: %2 parks, %3 zones, evaluated as of %4</source>
        <translation>%1: %2 parks, %3 zones, evaluated as of %4</translation>
    </message>
    <message>
        <source>Not analysed</source>
        <translation>Not analysed</translation>
    </message>
    <message>
        <source>This database has no analysis results yet, so the themes have nothing to show. Analyse it now?</source>
        <translation>This database has no analysis results yet, so the themes have nothing to show. Analyse it now?</translation>
    </message>
    <message>
        <source>Analysis failed</source>
        <translation>Analysis failed</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed</source>
        <translation>Import cancelled; nothing was changed</translation>
    </message>
    <message>
        <source>Cannot import %1</source>
        <translation>Cannot import %1</translation>
    </message>
    <message>
        <source>Parcel %1</source>
        <translation>Parcel %1</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>Exported for survey</source>
        <translation>Exported for survey</translation>
    </message>
    <message>
        <source>Written:
%1</source>
        <translation>Written:
%1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>No parcels are selected.</source>
        <translation>No parcels are selected.</translation>
    </message>
    <message>
        <source>Exporting %1 parcels…</source>
        <translation>Exporting %1 parcels…</translation>
    </message>
    <message>
        <source>Map written to %1</source>
        <translation>Map written to %1</translation>
    </message>
    <message>
        <source>Exporting the map…</source>
        <translation>Exporting the map…</translation>
    </message>
    <message>
        <source>Open parkgis database</source>
        <translation>Open parkgis database</translation>
    </message>
    <message>
        <source>parkgis database (*.sqlite *.db);;All files (*)</source>
        <translation>parkgis database (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Open dataset folder</source>
        <translation>Open dataset folder</translation>
    </message>
    <message>
        <source>Database to create</source>
        <translation>Database to create</translation>
    </message>
    <message>
        <source>parkgis database (*.sqlite)</source>
        <translation>parkgis database (*.sqlite)</translation>
    </message>
    <message>
        <source>Export selection for survey</source>
        <translation>Export selection for survey</translation>
    </message>
    <message>
        <source>Shapefile (*.shp);;GeoPackage (*.gpkg);;GeoJSON (*.geojson)</source>
        <translation>Shapefile (*.shp);;GeoPackage (*.gpkg);;GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <source>Add &amp;basemap…</source>
        <translation>Add &amp;basemap…</translation>
    </message>
    <message>
        <source>Add &amp;reference layer…</source>
        <translation>Add &amp;reference layer…</translation>
    </message>
    <message>
        <source>Adding the basemap failed</source>
        <translation>Adding the basemap failed</translation>
    </message>
    <message>
        <source>Adding the reference layer failed</source>
        <translation>Adding the reference layer failed</translation>
    </message>
    <message>
        <source>Add reference layer</source>
        <translation>Add reference layer</translation>
    </message>
    <message>
        <source>Vector data (*.shp *.gpkg *.geojson *.json *.kml *.gml *.tab *.mif *.dxf);;All files (*)</source>
        <translation>Vector data (*.shp *.gpkg *.geojson *.json *.kml *.gml *.tab *.mif *.dxf);;All files (*)</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::MapCanvas</name>
    <message>
        <source>Drawing…</source>
        <translation>Drawing…</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::ParcelTableModel</name>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>Parcel</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>Land use</source>
        <translation>Land use</translation>
    </message>
    <message>
        <source>Area (mu)</source>
        <translation>Area (mu)</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>Supply</translation>
    </message>
    <message>
        <source>Idle status</source>
        <translation>Idle status</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Tax per mu</source>
        <translation>Tax per mu</translation>
    </message>
    <message>
        <source>Vacancy %</source>
        <translation>Vacancy %</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::ParkTreeModel</name>
    <message>
        <source>Parcels</source>
        <comment>tree header: parcel count</comment>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>Tax/mu</source>
        <comment>tree header: tax per mu</comment>
        <translation>Tax/mu</translation>
    </message>
    <message>
        <source>Vacant</source>
        <comment>tree header: vacancy rate</comment>
        <translation>Vacant</translation>
    </message>
    <message>
        <source>Idle</source>
        <comment>tree header: idle mu</comment>
        <translation>Idle</translation>
    </message>
    <message>
        <source>Unsupp.</source>
        <comment>tree header: unsupplied mu</comment>
        <translation>Unsupp.</translation>
    </message>
    <message>
        <source>mu</source>
        <comment>tree header: area</comment>
        <translation>mu</translation>
    </message>
    <message>
        <source>Vacancy rate of floor space</source>
        <translation>Vacancy rate of floor space</translation>
    </message>
    <message>
        <source>Park or zone: id and name</source>
        <translation>Park or zone: id and name</translation>
    </message>
    <message>
        <source>Park / zone</source>
        <translation>Park / zone</translation>
    </message>
    <message>
        <source>Area (mu)</source>
        <translation>Area (mu)</translation>
    </message>
    <message>
        <source>Unsupplied (mu)</source>
        <translation>Unsupplied (mu)</translation>
    </message>
    <message>
        <source>Idle (mu)</source>
        <translation>Idle (mu)</translation>
    </message>
    <message>
        <source>Vacancy</source>
        <translation>Vacancy</translation>
    </message>
    <message>
        <source>Tax per mu (10k CNY)</source>
        <translation>Tax per mu (10k CNY)</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>The operation failed; the details below say what was wrong and where. Correct the data, then open it again with File › Open dataset folder… or File › Open database….</source>
        <translation>The operation failed; the details below say what was wrong and where. Correct the data, then open it again with File › Open dataset folder… or File › Open database….</translation>
    </message>
    <message>
        <source>The folder for the new database does not exist. Choose another place when File › Open dataset folder… asks where to put the database.</source>
        <translation>The folder for the new database does not exist. Choose another place when File › Open dataset folder… asks where to put the database.</translation>
    </message>
    <message>
        <source>The database has no analysis results yet. Open it with File › Open database… and answer Yes when the viewer offers to analyse it.</source>
        <translation>The database has no analysis results yet. Open it with File › Open database… and answer Yes when the viewer offers to analyse it.</translation>
    </message>
    <message>
        <source>The database cannot be written (file or folder permissions). Copy it to a folder you can write to and open the copy with File › Open database….</source>
        <translation>The database cannot be written (file or folder permissions). Copy it to a folder you can write to and open the copy with File › Open database….</translation>
    </message>
    <message>
        <source>The database is in use by another program or parkgis command. Wait until it has finished, then open the database again (File › Open recent).</source>
        <translation>The database is in use by another program or parkgis command. Wait until it has finished, then open the database again (File › Open recent).</translation>
    </message>
    <message>
        <source>This file is not a parkgis database. Use File › Open database… to choose a parkgis database (.sqlite), or File › Open dataset folder… to import a folder of park layers into a new one.</source>
        <translation>This file is not a parkgis database. Use File › Open database… to choose a parkgis database (.sqlite), or File › Open dataset folder… to import a folder of park layers into a new one.</translation>
    </message>
    <message>
        <source>The database file does not exist. To create one, use File › Open dataset folder… and choose the folder with the park layers; to open another database, use File › Open database….</source>
        <translation>The database file does not exist. To create one, use File › Open dataset folder… and choose the folder with the park layers; to open another database, use File › Open database….</translation>
    </message>
    <message>
        <source>The reference layer cannot be read. Use File › Add reference layer… and choose a shapefile (with its .prj), GeoPackage or GeoJSON that names its coordinate system.</source>
        <translation>The reference layer cannot be read. Use File › Add reference layer… and choose a shapefile (with its .prj), GeoPackage or GeoJSON that names its coordinate system.</translation>
    </message>
    <message>
        <source>The basemap cannot be read. Use File › Add basemap… and choose a georeferenced raster (a GeoTIFF with its coordinate system, MBTiles) or an XYZ address with {z}/{x}/{y}.</source>
        <translation>The basemap cannot be read. Use File › Add basemap… and choose a georeferenced raster (a GeoTIFF with its coordinate system, MBTiles) or an XYZ address with {z}/{x}/{y}.</translation>
    </message>
</context>
<context>
    <name>ExistingDatabase</name>
    <message>
        <source>Replace it</source>
        <translation>Replace it</translation>
    </message>
    <message>
        <source>Import into a new file</source>
        <translation>Import into a new file</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>Open it</translation>
    </message>
    <message>
        <source>• Open it: shows the database as it is, with any survey results merged into it.
• Import into a new file: reads the folder again into %1; the existing database is kept unchanged.
• Replace it: reads the folder again into %2; whatever was merged into the existing database (survey edits) is lost.</source>
        <translation>• Open it: shows the database as it is, with any survey results merged into it.
• Import into a new file: reads the folder again into %1; the existing database is kept unchanged.
• Replace it: reads the folder again into %2; whatever was merged into the existing database (survey edits) is lost.</translation>
    </message>
    <message>
        <source>%1 already has a database: %2 (last changed %3).</source>
        <translation>%1 already has a database: %2 (last changed %3).</translation>
    </message>
    <message>
        <source>The database already exists</source>
        <translation>The database already exists</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::StartPage</name>
    <message>
        <source>No recent files</source>
        <translation>No recent files</translation>
    </message>
    <message>
        <source>Recent files (double-click to open)</source>
        <translation>Recent files (double-click to open)</translation>
    </message>
    <message>
        <source>Open the bundled sample (宁德小微园)</source>
        <translation>Open the bundled sample (宁德小微园)</translation>
    </message>
    <message>
        <source>The bundled sample is not installed</source>
        <translation>The bundled sample is not installed</translation>
    </message>
    <message>
        <source>Open dataset folder (import and analyse)…</source>
        <translation>Open dataset folder (import and analyse)…</translation>
    </message>
    <message>
        <source>Open database…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <source>No database is open. Open a parkgis database, or a dataset folder (it is imported and analysed into a new database), or try the bundled sample.</source>
        <translation>No database is open. Open a parkgis database, or a dataset folder (it is imported and analysed into a new database), or try the bundled sample.</translation>
    </message>
    <message>
        <source>parkgis viewer</source>
        <translation>parkgis viewer</translation>
    </message>
</context>
<context>
    <name>MeasureTexts</name>
    <message>
        <source>Area %1 m² (%2 mu), perimeter %3 m</source>
        <translation>Area %1 m² (%2 mu), perimeter %3 m</translation>
    </message>
    <message>
        <source>Length %1 m</source>
        <translation>Length %1 m</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::ChangesThemeBar</name>
    <message>
        <source>Changes from</source>
        <translation>Changes from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>The changes theme compares the evaluations of these two dates</source>
        <translation>The changes theme compares the evaluations of these two dates</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::TrendPanel</name>
    <message>
        <source>No trend for %1: %2</source>
        <translation>No trend for %1: %2</translation>
    </message>
    <message>
        <source>This database keeps one evaluation (%1); a trend needs two or more. Add another with &apos;parkgis analyze --db FILE --as-of DATE&apos; (docs/history.md).</source>
        <translation>This database keeps one evaluation (%1); a trend needs two or more. Add another with &apos;parkgis analyze --db FILE --as-of DATE&apos; (docs/history.md).</translation>
    </message>
    <message>
        <source>Choose a park or zone in the tree to see its figures by evaluation date.</source>
        <translation>Choose a park or zone in the tree to see its figures by evaluation date.</translation>
    </message>
    <message>
        <source>%1: figures by evaluation</source>
        <translation>%1: figures by evaluation</translation>
    </message>
    <message>
        <source>Tax per mu (10,000 yuan/mu)</source>
        <translation>Tax per mu (10,000 yuan/mu)</translation>
    </message>
    <message>
        <source>Idle and unsupplied land (mu)</source>
        <translation>Idle and unsupplied land (mu)</translation>
    </message>
    <message>
        <source>Tax per mu</source>
        <translation>Tax per mu</translation>
    </message>
    <message>
        <source>Idle land</source>
        <translation>Idle land</translation>
    </message>
    <message>
        <source>Unsupplied</source>
        <translation>Unsupplied</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::LabelMenu</name>
    <message>
        <source>&amp;Labels</source>
        <translation>&amp;Labels</translation>
    </message>
    <message>
        <source>Label &amp;size</source>
        <translation>Label &amp;size</translation>
    </message>
    <message>
        <source>Parcel id</source>
        <translation>Parcel id</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>Tax per mu (10k CNY/mu)</source>
        <translation>Tax per mu (10k CNY/mu)</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>No parcel labels</source>
        <translation>No parcel labels</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::PrintDialog</name>
    <message>
        <source>Print layout</source>
        <translation>Print layout</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Fit the map view</source>
        <translation>Fit the map view</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Resolution (PNG)</source>
        <translation>Resolution (PNG)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>(the zone or park shown)</source>
        <translation>(the zone or park shown)</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <source>Date made</source>
        <translation>Date made</translation>
    </message>
    <message>
        <source>One sheet per zone of park</source>
        <translation>One sheet per zone of park</translation>
    </message>
    <message>
        <source>Atlas</source>
        <translation>Atlas</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image (*.png)</source>
        <translation>PDF (*.pdf);;PNG image (*.png)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>The scale must be 1:N with N from 200 to 500,000 (e.g. 1:2,000), or &quot;%1&quot;.</source>
        <translation>The scale must be 1:N with N from 200 to 500,000 (e.g. 1:2,000), or &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The date must be written YYYY-MM-DD, e.g. 2026-07-01.</source>
        <translation>The date must be written YYYY-MM-DD, e.g. 2026-07-01.</translation>
    </message>
    <message>
        <source>Choose a file ending in .pdf or .png.</source>
        <translation>Choose a file ending in .pdf or .png.</translation>
    </message>
    <message>
        <source>For an atlas choose a .pdf (one page per zone) or a folder ending in / (one PDF per zone).</source>
        <translation>For an atlas choose a .pdf (one page per zone) or a folder ending in / (one PDF per zone).</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::AddedLayers</name>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>%1 (reference)</source>
        <translation>%1 (reference)</translation>
    </message>
    <message>
        <source>Opacity %1%</source>
        <translation>Opacity %1%</translation>
    </message>
    <message>
        <source>Basemaps and reference layers</source>
        <translation>Basemaps and reference layers</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::BasemapDialog</name>
    <message>
        <source>Add basemap</source>
        <translation>Add basemap</translation>
    </message>
    <message>
        <source>Raster file (GeoTIFF, orthophoto, MBTiles; any coordinate system)</source>
        <translation>Raster file (GeoTIFF, orthophoto, MBTiles; any coordinate system)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>XYZ tiles: address with {z}/{x}/{y}, with your key if the service needs one</source>
        <translation>XYZ tiles: address with {z}/{x}/{y}, with your key if the service needs one</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <source>Basemap raster</source>
        <translation>Basemap raster</translation>
    </message>
    <message>
        <source>Rasters (*.tif *.tiff *.mbtiles *.jp2 *.jpg *.png *.vrt *.xml *.img *.ecw *.sid);;All files (*)</source>
        <translation>Rasters (*.tif *.tiff *.mbtiles *.jp2 *.jpg *.png *.vrt *.xml *.img *.ecw *.sid);;All files (*)</translation>
    </message>
    <message>
        <source>Choose a raster file.</source>
        <translation>Choose a raster file.</translation>
    </message>
    <message>
        <source>Type the XYZ address.</source>
        <translation>Type the XYZ address.</translation>
    </message>
    <message>
        <source>The XYZ address needs {z}, {x} and {y} where the tile's zoom, column and row go.</source>
        <translation>The XYZ address needs {z}, {x} and {y} where the tile's zoom, column and row go.</translation>
    </message>
    <message>
        <source>This basemap cannot be read: choose a georeferenced raster (GeoTIFF with its coordinate system, MBTiles) or an XYZ address.</source>
        <translation>This basemap cannot be read: choose a georeferenced raster (GeoTIFF with its coordinate system, MBTiles) or an XYZ address.</translation>
    </message>
</context>
</TS>
