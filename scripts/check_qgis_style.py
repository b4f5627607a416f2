#!/usr/bin/python3
"""Renders an exported layer with its .qml in QGIS, headless, to a PNG with a legend.

A manual check that QGIS reads the styles 'parkgis export' writes (colours, Chinese legend labels and
field aliases); the test suite does not depend on QGIS. Needs the Debian packages python3-qgis and
qgis-providers (and fonts-noto-cjk for Chinese text), and the system Python:

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/check_qgis_style.py out/idle.shp out/idle.png

Prints the style QGIS loaded: renderer type, each legend entry with its colour and feature count,
and the field aliases. Exit code 1 when QGIS cannot load the layer or its style.
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsMapRendererCustomPainterJob, QgsMapSettings,  # noqa: E402
                       QgsRenderContext, QgsVectorLayer)
from qgis.PyQt.QtCore import QRectF, QSize, Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    data, png = sys.argv[1], sys.argv[2]
    app = QgsApplication([], False)
    app.initQgis()
    try:
        layer = QgsVectorLayer(data, os.path.splitext(os.path.basename(data))[0], "ogr")
        if not layer.isValid():
            print("QGIS cannot open", data)
            return 1
        qml = os.path.splitext(data)[0] + ".qml"
        message, ok = layer.loadNamedStyle(qml)
        if not ok:
            print("QGIS cannot load", qml, ":", message)
            return 1
        renderer = layer.renderer()
        print("renderer:", renderer.type(), "| features:", layer.featureCount())
        counter = layer.countSymbolFeatures()
        if counter:
            counter.waitForFinished()
        legend = []
        for item in renderer.legendSymbolItems():
            color = item.symbol().color() if item.symbol() else QColor("black")
            count = layer.featureCount(item.ruleKey())
            legend.append((item.label(), color, count))
            print("  legend: %s  %s  %s features" % (item.label(), color.name(), count))
        aliases = {f.name(): layer.attributeAlias(i) for i, f in enumerate(layer.fields())}
        print("aliases:", ", ".join("%s=%s" % (k, v) for k, v in aliases.items() if v))

        width, height, legend_w = 900, 700, 330
        image = QImage(QSize(width + legend_w, height), QImage.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setDestinationCrs(layer.crs())
        settings.setOutputSize(QSize(width, height))
        extent = layer.extent()
        extent.scale(1.05)
        settings.setExtent(extent)
        settings.setBackgroundColor(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing)
        job = QgsMapRendererCustomPainterJob(settings, painter)
        job.renderSynchronously()
        # Legend: the renderer's own labels and colours.
        font = QFont("Noto Sans CJK SC", 11)
        painter.setFont(font)
        x, y = width + 15, 30
        painter.setPen(QColor("black"))
        painter.drawText(x, y, os.path.basename(data))
        y += 25
        for label, color, count in legend:
            painter.fillRect(QRectF(x, y - 13, 24, 16), color)
            painter.setPen(QColor("#404040"))
            painter.drawRect(QRectF(x, y - 13, 24, 16))
            painter.drawText(x + 32, y, "%s (%s)" % (label, count))
            y += 24
        painter.end()
        image.save(png)
        print("wrote", png)
        return 0
    finally:
        app.exitQgis()


if __name__ == "__main__":
    sys.exit(main())
