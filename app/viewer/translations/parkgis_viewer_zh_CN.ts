<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PostgisDialog</name>
    <message>
        <source>Connect to PostGIS</source>
        <translation>连接 PostGIS 数据库</translation>
    </message>
    <message>
        <source>Connection (URI):</source>
        <translation>连接（URI）：</translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation>模式（schema）：</translation>
    </message>
    <message>
        <source>Passwords are read from ~/.pgpass (or PGPASSFILE).</source>
        <translation>密码从 ~/.pgpass（或 PGPASSFILE）读取，此处不输入。</translation>
    </message>
</context>
<context>
    <name>ImportTask</name>
    <message>
        <source>parks</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>zones</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>parcels</source>
        <translation>宗地</translation>
    </message>
    <message>
        <source>buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>approvals</source>
        <translation>用地审批</translation>
    </message>
    <message>
        <source>enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Reading the layers</source>
        <translation>正在读取图层</translation>
    </message>
    <message>
        <source>Reading the database</source>
        <translation>正在读取数据库</translation>
    </message>
    <message>
        <source>Overlaying buildings and parcels</source>
        <translation>正在叠加建筑与宗地</translation>
    </message>
    <message>
        <source>Approved and unsupplied land</source>
        <translation>正在计算批而未供土地</translation>
    </message>
    <message>
        <source>Writing the results</source>
        <translation>正在写入结果</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>Analysing %1</source>
        <translation>正在分析 %1</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::EvaluationSelector</name>
    <message>
        <source>Evaluation shown (评价时点)</source>
        <translation>显示的评价时点</translation>
    </message>
    <message>
        <source>%1 (latest)</source>
        <translation>%1（最新）</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::ExportMapDialog</name>
    <message>
        <source>Export map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>File (PNG or PDF)</source>
        <translation>文件（PNG 或 PDF）</translation>
    </message>
    <message>
        <source>Size (pixels)</source>
        <translation>尺寸（像素）</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF (*.pdf)</source>
        <translation>PNG 图像 (*.png);;PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::IdentifyPanel</name>
    <message>
        <source>Changes %1</source>
        <translation>变化 %1</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Copy the whole section</source>
        <translation>复制整组</translation>
    </message>
    <message>
        <source>Copy field and value</source>
        <translation>复制字段和值</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>复制值</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Click a parcel on the map</source>
        <translation>在地图上点击宗地查看属性</translation>
    </message>
    <message>
        <source>Parcel %1: metrics</source>
        <translation>宗地 %1：指标</translation>
    </message>
    <message>
        <source>Parcel as imported</source>
        <translation>宗地原始属性</translation>
    </message>
    <message>
        <source>Buildings (%1)</source>
        <translation>建筑（%1 栋）</translation>
    </message>
    <message>
        <source>Holder and tenants (%1)</source>
        <translation>权利人与承租企业（%1 项）</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>承租企业</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>权利人</translation>
    </message>
    <message>
        <source>Building %1</source>
        <translation>建筑 %1</translation>
    </message>
    <message>
        <source>Enterprise: none</source>
        <translation>企业：无</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::LayerPanel</name>
    <message>
        <source>Land-reserve sites</source>
        <translation>储备候选地块</translation>
    </message>
    <message>
        <source>Zone boundaries</source>
        <translation>片区界线</translation>
    </message>
    <message>
        <source>Buildings (when zoomed in)</source>
        <translation>建筑（放大后显示）</translation>
    </message>
    <message>
        <source>Unsupplied land</source>
        <translation>批而未供土地</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>宗地</translation>
    </message>
    <message>
        <source>Parks</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::MainWindow</name>
    <message>
        <source>&amp;Print layout…</source>
        <translation>打印布局(&amp;P)…</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Land-reserve sites</source>
        <translation>储备候选</translation>
    </message>
    <message>
        <source>Table written to %1</source>
        <translation>表格已写入 %1</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>显示：%1</translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation>已选：%1</translation>
    </message>
    <message>
        <source>%1 parcels, %2 mu, tax %3 (10k CNY)</source>
        <translation>%1 宗，%2 亩，税收 %3 万元</translation>
    </message>
    <message>
        <source>Filter: </source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <source>An expression over the parcel columns (as 'parkgis export --where'): = != &lt; &lt;= &gt; &gt;= LIKE, IS NULL, AND, OR; text in 'quotes'. Enter applies it, empty shows all.</source>
        <translation>按宗地字段筛选（与 parkgis export --where 相同）：= != &lt; &lt;= &gt; &gt;= LIKE、IS NULL、AND、OR；文字加单引号。回车执行，清空则显示全部。</translation>
    </message>
    <message>
        <source>Filter, e.g. idle_status != 'not_idle' AND area_mu &gt; 10</source>
        <translation>筛选，例如 idle_status != 'not_idle' AND area_mu &gt; 10</translation>
    </message>
    <message>
        <source>Click the corners of an area (m² and mu); double-click ends it</source>
        <translation>依次单击范围的各个角点（平方米与亩）；双击结束</translation>
    </message>
    <message>
        <source>Measure area</source>
        <translation>量面积</translation>
    </message>
    <message>
        <source>Click points along a line; double-click ends it</source>
        <translation>沿线依次单击；双击结束</translation>
    </message>
    <message>
        <source>Measure distance</source>
        <translation>量距离</translation>
    </message>
    <message>
        <source>Zoom &amp;next</source>
        <translation>下一视图(&amp;N)</translation>
    </message>
    <message>
        <source>Zoom &amp;previous</source>
        <translation>上一视图(&amp;P)</translation>
    </message>
    <message>
        <source>Nothing was opened</source>
        <translation>未打开任何文件</translation>
    </message>
    <message>
        <source>Parcel list</source>
        <translation>宗地列表</translation>
    </message>
    <message>
        <source>Parcel details</source>
        <translation>宗地详情</translation>
    </message>
    <message>
        <source>drawn in %1 ms</source>
        <translation>绘制 %1 毫秒</translation>
    </message>
    <message>
        <source>Drawing the map failed</source>
        <translation>地图绘制失败</translation>
    </message>
    <message>
        <source>Reading the database failed</source>
        <translation>读取数据库失败</translation>
    </message>
    <message>
        <source>About parkgis viewer</source>
        <translation>关于 parkgis 地图浏览器</translation>
    </message>
    <message>
        <source>&lt;b&gt;parkgis viewer&lt;/b&gt; %1&lt;br&gt;Land of industrial parks: idle land, unsupplied land, per-mu yield and vacancy.&lt;br&gt;Map font: Noto Sans CJK SC.</source>
        <translation>&lt;b&gt;parkgis 地图浏览器&lt;/b&gt; %1&lt;br&gt;工业园区土地：闲置土地、批而未供、亩均效益与厂房空置。&lt;br&gt;地图字体：Noto Sans CJK SC。</translation>
    </message>
    <message>
        <source>parkgis viewer</source>
        <translation>parkgis 地图浏览器</translation>
    </message>
    <message>
        <source>%1 — parkgis viewer</source>
        <translation>%1 — parkgis 地图浏览器</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Selection</source>
        <translation>选择(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Connect to &amp;PostGIS…</source>
        <translation>连接 PostGIS 数据库(&amp;P)…</translation>
    </message>
    <message>
        <source>Open dataset &amp;folder (import and analyse)…</source>
        <translation>打开数据集文件夹（导入并分析）(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Export map (PNG, PDF)…</source>
        <translation>导出地图（PNG、PDF）(&amp;E)…</translation>
    </message>
    <message>
        <source>Export selection for &amp;survey…</source>
        <translation>导出选中宗地用于外业核查(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Full extent</source>
        <translation>全图(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>缩放到选中宗地(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>清除选择(&amp;C)</translation>
    </message>
    <message>
        <source>Pan and identify</source>
        <translation>平移/识别</translation>
    </message>
    <message>
        <source>Drag to pan, click a parcel to identify and select it (shift-click adds)</source>
        <translation>拖动平移；点击宗地查看属性并选中（Shift+点击 增减选择）</translation>
    </message>
    <message>
        <source>Select by rectangle</source>
        <translation>框选</translation>
    </message>
    <message>
        <source>Drag a rectangle to select parcels (shift adds); ctrl-drag does the same with any tool</source>
        <translation>拖出矩形选择宗地（按住 Shift 追加）；任何工具下 Ctrl+拖动 同样可以框选</translation>
    </message>
    <message>
        <source>Zoom to box</source>
        <translation>拉框放大</translation>
    </message>
    <message>
        <source>Drag a box to zoom in; shift-drag does the same with any tool</source>
        <translation>拖出矩形放大；任何工具下 Shift+拖动 同样可以</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Search parcel, enterprise, park, zone</source>
        <translation>搜索宗地、企业、园区、片区</translation>
    </message>
    <message>
        <source>Theme: what colours the parcels</source>
        <translation>专题：宗地按什么着色</translation>
    </message>
    <message>
        <source>Parks and zones</source>
        <translation>园区与片区</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>宗地</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>宗地</translation>
    </message>
    <message>
        <source>Parcels of the park or zone</source>
        <translation>园区/片区内宗地</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>All parks</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>当前：%1</translation>
    </message>
    <message>
        <source>Selected parcels (%1)</source>
        <translation>选中宗地（%1）</translation>
    </message>
    <message>
        <source>Scale 1:%L1</source>
        <translation>比例尺 1:%L1</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>%1: %2 parks, %3 zones, evaluated as of %4</source>
        <translation>%1：%2 个园区，%3 个片区，评价时点 %4</translation>
    </message>
    <message>
        <source>Not analysed</source>
        <translation>尚未分析</translation>
    </message>
    <message>
        <source>This database has no analysis results yet, so the themes have nothing to show. Analyse it now?</source>
        <translation>该数据库还没有分析结果，专题图无内容可显示。现在分析吗？</translation>
    </message>
    <message>
        <source>Analysis failed</source>
        <translation>分析失败</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed</source>
        <translation>导入已取消，数据未作任何更改</translation>
    </message>
    <message>
        <source>Cannot import %1</source>
        <translation>无法导入 %1</translation>
    </message>
    <message>
        <source>Parcel %1</source>
        <translation>宗地 %1</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Exported for survey</source>
        <translation>已导出外业核查数据</translation>
    </message>
    <message>
        <source>Written:
%1</source>
        <translation>已写出：
%1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>No parcels are selected.</source>
        <translation>没有选中的宗地。</translation>
    </message>
    <message>
        <source>Exporting %1 parcels…</source>
        <translation>正在导出 %1 宗地…</translation>
    </message>
    <message>
        <source>Map written to %1</source>
        <translation>地图已保存到 %1</translation>
    </message>
    <message>
        <source>Exporting the map…</source>
        <translation>正在导出地图…</translation>
    </message>
    <message>
        <source>Open parkgis database</source>
        <translation>打开 parkgis 数据库</translation>
    </message>
    <message>
        <source>parkgis database (*.sqlite *.db);;All files (*)</source>
        <translation>parkgis 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open dataset folder</source>
        <translation>打开数据集文件夹</translation>
    </message>
    <message>
        <source>Database to create</source>
        <translation>要创建的数据库</translation>
    </message>
    <message>
        <source>parkgis database (*.sqlite)</source>
        <translation>parkgis 数据库 (*.sqlite)</translation>
    </message>
    <message>
        <source>Export selection for survey</source>
        <translation>导出选中宗地用于外业核查</translation>
    </message>
    <message>
        <source>Shapefile (*.shp);;GeoPackage (*.gpkg);;GeoJSON (*.geojson)</source>
        <translation>Shapefile (*.shp);;GeoPackage (*.gpkg);;GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <source>Add &amp;basemap…</source>
        <translation>添加底图(&amp;B)…</translation>
    </message>
    <message>
        <source>Add &amp;reference layer…</source>
        <translation>添加参考图层(&amp;R)…</translation>
    </message>
    <message>
        <source>Adding the basemap failed</source>
        <translation>添加底图失败</translation>
    </message>
    <message>
        <source>Adding the reference layer failed</source>
        <translation>添加参考图层失败</translation>
    </message>
    <message>
        <source>Add reference layer</source>
        <translation>添加参考图层</translation>
    </message>
    <message>
        <source>Vector data (*.shp *.gpkg *.geojson *.json *.kml *.gml *.tab *.mif *.dxf);;All files (*)</source>
        <translation>矢量数据 (*.shp *.gpkg *.geojson *.json *.kml *.gml *.tab *.mif *.dxf);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::MapCanvas</name>
    <message>
        <source>Drawing…</source>
        <translation>正在绘制…</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::ParcelTableModel</name>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>宗地</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>权利人</translation>
    </message>
    <message>
        <source>Land use</source>
        <translation>土地用途</translation>
    </message>
    <message>
        <source>Area (mu)</source>
        <translation>面积（亩）</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>供地状态</translation>
    </message>
    <message>
        <source>Idle status</source>
        <translation>闲置状态</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Tax per mu</source>
        <translation>亩均税收</translation>
    </message>
    <message>
        <source>Vacancy %</source>
        <translation>空置率 %</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::ParkTreeModel</name>
    <message>
        <source>Parcels</source>
        <comment>tree header: parcel count</comment>
        <translation>宗地</translation>
    </message>
    <message>
        <source>Tax/mu</source>
        <comment>tree header: tax per mu</comment>
        <translation>亩均税收</translation>
    </message>
    <message>
        <source>Vacant</source>
        <comment>tree header: vacancy rate</comment>
        <translation>空置率</translation>
    </message>
    <message>
        <source>Idle</source>
        <comment>tree header: idle mu</comment>
        <translation>闲置</translation>
    </message>
    <message>
        <source>Unsupp.</source>
        <comment>tree header: unsupplied mu</comment>
        <translation>批而未供</translation>
    </message>
    <message>
        <source>mu</source>
        <comment>tree header: area</comment>
        <translation>面积</translation>
    </message>
    <message>
        <source>Vacancy rate of floor space</source>
        <translation>厂房空置率</translation>
    </message>
    <message>
        <source>Park or zone: id and name</source>
        <translation>园区或片区：代码与名称</translation>
    </message>
    <message>
        <source>Park / zone</source>
        <translation>园区 / 片区</translation>
    </message>
    <message>
        <source>Area (mu)</source>
        <translation>面积（亩）</translation>
    </message>
    <message>
        <source>Unsupplied (mu)</source>
        <translation>批而未供（亩）</translation>
    </message>
    <message>
        <source>Idle (mu)</source>
        <translation>闲置（亩）</translation>
    </message>
    <message>
        <source>Vacancy</source>
        <translation>空置率</translation>
    </message>
    <message>
        <source>Tax per mu (10k CNY)</source>
        <translation>亩均税收（万元）</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>宗地</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::SitesPanel</name>
    <message>
        <source>No land-reserve sites in this database yet: run &apos;parkgis sites --db FILE&apos; (see docs/reserve.md).</source>
        <translation>本数据库尚无储备候选地块：请先运行 parkgis sites --db 数据库（见 docs/reserve.md）。</translation>
    </message>
    <message>
        <source>Site search…</source>
        <translation>选址…</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Area (mu)</source>
        <translation>面积（亩）</translation>
    </message>
    <message>
        <source>Width (m)</source>
        <translation>宽度（米）</translation>
    </message>
    <message>
        <source>Made of</source>
        <translation>构成</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::SiteSearchDialog</name>
    <message>
        <source>Give the point as two numbers in the map&apos;s coordinates (metres).</source>
        <translation>请以地图坐标（米）输入两个数字作为位置。</translation>
    </message>
    <message>
        <source>  %1 mu, %2 m wide, score %3</source>
        <translation>  %1 亩，宽 %2 米，得分 %3</translation>
    </message>
    <message>
        <source>, %1 m away</source>
        <translation>，距 %1 米</translation>
    </message>
    <message>
        <source>Sites that can take the project: %1</source>
        <translation>可容纳该项目的地块：%1 处</translation>
    </message>
    <message>
        <source>Site search</source>
        <translation>选址</translation>
    </message>
    <message>
        <source>Area at least (mu)</source>
        <translation>面积不小于（亩）</translation>
    </message>
    <message>
        <source>Width at least (m, 0 = any)</source>
        <translation>宽度不小于（米，0 为不限）</translation>
    </message>
    <message>
        <source>Nearest to X, Y</source>
        <translation>按距离 X, Y 由近及远</translation>
    </message>
    <message>
        <source>In zone</source>
        <translation>在片区内</translation>
    </message>
    <message>
        <source>Anywhere (best score first)</source>
        <translation>全部（按得分）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查找</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>The operation failed; the details below say what was wrong and where. Correct the data, then open it again with File › Open dataset folder… or File › Open database….</source>
        <translation>操作失败；下方说明列出了问题及其位置。请更正数据后，再用“文件 › 打开数据集文件夹…”或“文件 › 打开数据库…”重新打开。</translation>
    </message>
    <message>
        <source>The folder for the new database does not exist. Choose another place when File › Open dataset folder… asks where to put the database.</source>
        <translation>新数据库所在的文件夹不存在。请在“文件 › 打开数据集文件夹…”询问数据库位置时另选位置。</translation>
    </message>
    <message>
        <source>The database has no analysis results yet. Open it with File › Open database… and answer Yes when the viewer offers to analyse it.</source>
        <translation>数据库还没有分析结果。请用“文件 › 打开数据库…”打开它，在询问是否分析时选择“是”。</translation>
    </message>
    <message>
        <source>The database cannot be written (file or folder permissions). Copy it to a folder you can write to and open the copy with File › Open database….</source>
        <translation>数据库无法写入（文件或文件夹权限）。请把它复制到可写的文件夹，再用“文件 › 打开数据库…”打开副本。</translation>
    </message>
    <message>
        <source>The database is in use by another program or parkgis command. Wait until it has finished, then open the database again (File › Open recent).</source>
        <translation>数据库正被其他程序或 parkgis 命令使用。请等其完成后，再用“文件 › 最近打开”重新打开。</translation>
    </message>
    <message>
        <source>This file is not a parkgis database. Use File › Open database… to choose a parkgis database (.sqlite), or File › Open dataset folder… to import a folder of park layers into a new one.</source>
        <translation>此文件不是 parkgis 数据库。请用“文件 › 打开数据库…”选择 parkgis 数据库（.sqlite），或用“文件 › 打开数据集文件夹…”把园区图层文件夹导入为新数据库。</translation>
    </message>
    <message>
        <source>The database file does not exist. To create one, use File › Open dataset folder… and choose the folder with the park layers; to open another database, use File › Open database….</source>
        <translation>数据库文件不存在。要新建数据库，请用“文件 › 打开数据集文件夹…”选择存放园区图层的文件夹；要打开其他数据库，请用“文件 › 打开数据库…”。</translation>
    </message>
    <message>
        <source>The reference layer cannot be read. Use File › Add reference layer… and choose a shapefile (with its .prj), GeoPackage or GeoJSON that names its coordinate system.</source>
        <translation>无法读取参考图层。请用“文件 › 添加参考图层…”选择带 .prj 的 shapefile、GeoPackage 或写明坐标系的 GeoJSON。</translation>
    </message>
    <message>
        <source>The basemap cannot be read. Use File › Add basemap… and choose a georeferenced raster (a GeoTIFF with its coordinate system, MBTiles) or an XYZ address with {z}/{x}/{y}.</source>
        <translation>无法读取底图。请用“文件 › 添加底图…”选择带地理参考的栅格（带坐标系的 GeoTIFF、MBTiles），或含 {z}/{x}/{y} 的 XYZ 瓦片地址。</translation>
    </message>
</context>
<context>
    <name>ExistingDatabase</name>
    <message>
        <source>Replace it</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Import into a new file</source>
        <translation>导入到新文件</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>• Open it: shows the database as it is, with any survey results merged into it.
• Import into a new file: reads the folder again into %1; the existing database is kept unchanged.
• Replace it: reads the folder again into %2; whatever was merged into the existing database (survey edits) is lost.</source>
        <translation>• 打开：按原样打开该数据库，包括已合并进去的核查结果。
• 导入到新文件：重新读取文件夹，写入 %1；原数据库保持不变。
• 替换：重新读取文件夹，覆盖 %2；原数据库中合并的内容（核查修改）将丢失。</translation>
    </message>
    <message>
        <source>%1 already has a database: %2 (last changed %3).</source>
        <translation>%1 已有数据库：%2（最后修改于 %3）。</translation>
    </message>
    <message>
        <source>The database already exists</source>
        <translation>数据库已存在</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::StartPage</name>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>Recent files (double-click to open)</source>
        <translation>最近打开（双击打开）</translation>
    </message>
    <message>
        <source>Open the bundled sample (宁德小微园)</source>
        <translation>打开自带示例（宁德小微园）</translation>
    </message>
    <message>
        <source>The bundled sample is not installed</source>
        <translation>未安装自带示例</translation>
    </message>
    <message>
        <source>Open dataset folder (import and analyse)…</source>
        <translation>打开数据集文件夹（导入并分析）…</translation>
    </message>
    <message>
        <source>Open database…</source>
        <translation>打开数据库…</translation>
    </message>
    <message>
        <source>No database is open. Open a parkgis database, or a dataset folder (it is imported and analysed into a new database), or try the bundled sample.</source>
        <translation>尚未打开数据库。请打开 parkgis 数据库，或打开数据集文件夹（导入并分析为新数据库），也可以先看看自带的示例。</translation>
    </message>
    <message>
        <source>parkgis viewer</source>
        <translation>parkgis 地图浏览器</translation>
    </message>
</context>
<context>
    <name>MeasureTexts</name>
    <message>
        <source>Area %1 m² (%2 mu), perimeter %3 m</source>
        <translation>面积 %1 平方米（%2 亩），周长 %3 米</translation>
    </message>
    <message>
        <source>Length %1 m</source>
        <translation>长度 %1 米</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::ChangesThemeBar</name>
    <message>
        <source>Changes from</source>
        <translation>对比 从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>The changes theme compares the evaluations of these two dates</source>
        <translation>宗地变化专题对比这两个评价时点的评价结果</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::TrendPanel</name>
    <message>
        <source>No trend for %1: %2</source>
        <translation>%1 无趋势：%2</translation>
    </message>
    <message>
        <source>This database keeps one evaluation (%1); a trend needs two or more. Add another with &apos;parkgis analyze --db FILE --as-of DATE&apos; (docs/history.md).</source>
        <translation>本数据库只保存了一次评价（%1），趋势需要两次或以上评价。可用 &apos;parkgis analyze --db 文件 --as-of 日期&apos; 添加评价（见 docs/history.md）。</translation>
    </message>
    <message>
        <source>Choose a park or zone in the tree to see its figures by evaluation date.</source>
        <translation>在园区树中选择园区或片区，查看其各评价时点的指标变化。</translation>
    </message>
    <message>
        <source>%1: figures by evaluation</source>
        <translation>%1 历年变化</translation>
    </message>
    <message>
        <source>Tax per mu (10,000 yuan/mu)</source>
        <translation>亩均税收（万元/亩）</translation>
    </message>
    <message>
        <source>Idle and unsupplied land (mu)</source>
        <translation>闲置土地与批而未供（亩）</translation>
    </message>
    <message>
        <source>Tax per mu</source>
        <translation>亩均税收</translation>
    </message>
    <message>
        <source>Idle land</source>
        <translation>闲置土地</translation>
    </message>
    <message>
        <source>Unsupplied</source>
        <translation>批而未供</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::LabelMenu</name>
    <message>
        <source>&amp;Labels</source>
        <translation>标注(&amp;L)</translation>
    </message>
    <message>
        <source>Label &amp;size</source>
        <translation>标注字号(&amp;S)</translation>
    </message>
    <message>
        <source>Parcel id</source>
        <translation>宗地代码</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>权利人</translation>
    </message>
    <message>
        <source>Tax per mu (10k CNY/mu)</source>
        <translation>亩均税收（万元/亩）</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>No parcel labels</source>
        <translation>不标注宗地</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::PrintDialog</name>
    <message>
        <source>Print layout</source>
        <translation>打印布局</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Fit the map view</source>
        <translation>适合当前视图</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>比例尺</translation>
    </message>
    <message>
        <source>Resolution (PNG)</source>
        <translation>分辨率（PNG）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>(the zone or park shown)</source>
        <translation>（所示片区或园区）</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>Date made</source>
        <translation>制图日期</translation>
    </message>
    <message>
        <source>One sheet per zone of park</source>
        <translation>每个片区一张图，园区</translation>
    </message>
    <message>
        <source>Atlas</source>
        <translation>图集</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image (*.png)</source>
        <translation>PDF (*.pdf);;PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The scale must be 1:N with N from 200 to 500,000 (e.g. 1:2,000), or &quot;%1&quot;.</source>
        <translation>比例尺须为 1:N，N 在 200 到 500,000 之间（如 1:2,000），或选“%1”。</translation>
    </message>
    <message>
        <source>The date must be written YYYY-MM-DD, e.g. 2026-07-01.</source>
        <translation>日期格式为 YYYY-MM-DD，如 2026-07-01。</translation>
    </message>
    <message>
        <source>Choose a file ending in .pdf or .png.</source>
        <translation>请选择以 .pdf 或 .png 结尾的文件。</translation>
    </message>
    <message>
        <source>For an atlas choose a .pdf (one page per zone) or a folder ending in / (one PDF per zone).</source>
        <translation>图集请选择 .pdf 文件（每个片区一页），或以 / 结尾的文件夹（每个片区一个 PDF）。</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::AddedLayers</name>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>%1 (reference)</source>
        <translation>%1（参考图层）</translation>
    </message>
    <message>
        <source>Opacity %1%</source>
        <translation>不透明度 %1%</translation>
    </message>
    <message>
        <source>Basemaps and reference layers</source>
        <translation>底图与参考图层</translation>
    </message>
</context>
<context>
    <name>parkgis::viewer::BasemapDialog</name>
    <message>
        <source>Add basemap</source>
        <translation>添加底图</translation>
    </message>
    <message>
        <source>Raster file (GeoTIFF, orthophoto, MBTiles; any coordinate system)</source>
        <translation>栅格文件（GeoTIFF、正射影像、MBTiles；任意坐标系）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>XYZ tiles: address with {z}/{x}/{y}, with your key if the service needs one</source>
        <translation>XYZ 瓦片：含 {z}/{x}/{y} 的地址，服务需要密钥时请带上您的密钥（如天地图 tk=…）</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Basemap raster</source>
        <translation>底图栅格</translation>
    </message>
    <message>
        <source>Rasters (*.tif *.tiff *.mbtiles *.jp2 *.jpg *.png *.vrt *.xml *.img *.ecw *.sid);;All files (*)</source>
        <translation>栅格 (*.tif *.tiff *.mbtiles *.jp2 *.jpg *.png *.vrt *.xml *.img *.ecw *.sid);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a raster file.</source>
        <translation>请选择栅格文件。</translation>
    </message>
    <message>
        <source>Type the XYZ address.</source>
        <translation>请输入 XYZ 瓦片地址。</translation>
    </message>
    <message>
        <source>The XYZ address needs {z}, {x} and {y} where the tile's zoom, column and row go.</source>
        <translation>XYZ 地址须在瓦片级别、列号、行号的位置写 {z}、{x}、{y}。</translation>
    </message>
    <message>
        <source>This basemap cannot be read: choose a georeferenced raster (GeoTIFF with its coordinate system, MBTiles) or an XYZ address.</source>
        <translation>无法读取该底图：请选择带地理参考的栅格（带坐标系的 GeoTIFF、MBTiles）或 XYZ 瓦片地址。</translation>
    </message>
</context>
</TS>
