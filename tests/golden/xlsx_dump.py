#!/usr/bin/env python3
"""Prints an .xlsx workbook as JSON through openpyxl (a reader independent of parkgis and GDAL):
sheets in order, each with its frozen cell, column widths and every cell as [value, number format, kind] (kind: "number", "text" or "empty")."""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in book.worksheets:
    def kind(value):
        if value is None:
            return "empty"
        return "number" if isinstance(value, (int, float)) and not isinstance(value, bool) else "text"

    rows = [[[c.value, c.number_format, kind(c.value)] for c in row] for row in ws.iter_rows()]
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    out.append({"name": ws.title, "freeze": ws.freeze_panes, "widths": widths, "rows": rows})
json.dump(out, sys.stdout, ensure_ascii=False)
