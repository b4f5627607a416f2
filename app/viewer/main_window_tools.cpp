// MainWindow: zoom previous/next, the measure tools, the parcel table's filter, totals and export of
// what it shows, and what the window remembers (size, docks, last database, last folders).
#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextStream>
#include <QToolBar>

#include "app/viewer/main_window.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/parcel_table.h"

namespace parkgis::viewer {

void MainWindow::build_tools() {
  m_zoom_prev = new QAction(this);
  m_zoom_prev->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
  m_zoom_next = new QAction(this);
  m_zoom_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
  m_measure_length = new QAction(m_tools);
  m_measure_area = new QAction(m_tools);
  for (QAction* a : {m_measure_length, m_measure_area}) a->setCheckable(true);
  connect(m_zoom_prev, &QAction::triggered, m_canvas, &MapCanvas::zoom_previous);
  connect(m_zoom_next, &QAction::triggered, m_canvas, &MapCanvas::zoom_next);
  connect(m_canvas, &MapCanvas::history_changed, this, [this] {
    m_zoom_prev->setEnabled(m_canvas->can_zoom_previous());
    m_zoom_next->setEnabled(m_canvas->can_zoom_next());
  });
  m_zoom_prev->setEnabled(false);
  m_zoom_next->setEnabled(false);
  connect(m_measure_length, &QAction::triggered, this, [this] { m_canvas->set_tool(MapCanvas::Tool::measure_length); });
  connect(m_measure_area, &QAction::triggered, this, [this] { m_canvas->set_tool(MapCanvas::Tool::measure_area); });
  for (QAction* a : {m_tool_pan, m_tool_select, m_tool_zoom})
    connect(a, &QAction::triggered, this, [this] { m_status_measure->clear(); });
  m_status_measure = new QLabel(this);
  statusBar()->addPermanentWidget(m_status_measure);
  connect(m_canvas, &MapCanvas::measured, m_status_measure, &QLabel::setText);

  QAction* before = m_view_menu->actions().value(4);  // after Zoom to selection
  m_view_menu->insertActions(before, {m_zoom_prev, m_zoom_next});
  m_view_menu->insertActions(m_lang_menu->menuAction(), {m_measure_length, m_measure_area});
  m_toolbar->insertActions(m_tool_pan, {m_zoom_prev, m_zoom_next});
  const QList<QAction*> tb = m_toolbar->actions();
  for (int i = 0; i < tb.size(); ++i)
    if (tb[i] == m_tool_zoom && i + 1 < tb.size()) m_toolbar->insertActions(tb[i + 1], {m_measure_length, m_measure_area});

  // The table: a filter expression, the totals, export of what is shown.
  m_where_edit = new QLineEdit(this);
  m_where_edit->setClearButtonEnabled(true);
  m_where_edit->setMinimumWidth(260);
  m_totals = new QLabel(this);
  m_export_table = new QPushButton(this);
  m_filter_row->insertWidget(1, m_where_edit, 2);
  m_filter_row->insertWidget(2, m_totals, 2);
  m_filter_row->addWidget(m_export_table);
  connect(m_where_edit, &QLineEdit::returnPressed, this, [this] { filter_table(m_where_edit->text()); });
  connect(m_export_table, &QPushButton::clicked, this, &MainWindow::choose_and_export_table);
  connect(m_tables, &QTabWidget::currentChanged, this, [this] { update_totals(); });
  for (ParcelTable* t : {m_selection, m_unit_parcels}) {
    connect(t->model(), &QAbstractItemModel::modelReset, this, [this] { update_totals(); });
    connect(t->model(), &QAbstractItemModel::layoutChanged, this, [this] { update_totals(); });
    connect(t->model(), &QAbstractItemModel::rowsInserted, this, [this] { update_totals(); });
    connect(t->model(), &QAbstractItemModel::rowsRemoved, this, [this] { update_totals(); });
  }
  build_labels_and_print();
}

void MainWindow::retranslate_tools() {
  if (!m_zoom_prev) return;
  m_zoom_prev->setText(tr("Zoom &previous"));
  m_zoom_next->setText(tr("Zoom &next"));
  m_measure_length->setText(tr("Measure distance"));
  m_measure_length->setToolTip(tr("Click points along a line; double-click ends it"));
  m_measure_area->setText(tr("Measure area"));
  m_measure_area->setToolTip(tr("Click the corners of an area (m² and mu); double-click ends it"));
  m_where_edit->setPlaceholderText(tr("Filter, e.g. idle_status != 'not_idle' AND area_mu > 10"));
  m_where_edit->setToolTip(tr("An expression over the parcel columns (as 'parkgis export --where'): = != < <= > >= "
                              "LIKE, IS NULL, AND, OR; text in 'quotes'. Enter applies it, empty shows all."));
  m_export_table->setText(tr("Export table…"));
  if (m_print) m_print->setText(tr("&Print layout…"));
  update_totals();
}

// ---- the table ----

void MainWindow::filter_table(const QString& where) {
  m_where = where.trimmed();
  const std::string w = m_where.toStdString();
  const std::string park = m_selection->proxy()->park().toStdString(), zone = m_selection->proxy()->zone().toStdString();
  struct Filtered {
    std::vector<ParcelRow> rows;
    QString error;
  };
  m_data->post<Filtered>(
      [w, park, zone](store::Store& s) {
        Filtered f;
        try {
          f.rows = w.empty() ? parcels_of(s, park, zone) : parcels_where(s, w, park, zone);
        } catch (const std::exception& e) {
          f.error = QString::fromStdString(e.what());
        }
        return f;
      },
      this, [this](Filtered f) {
        if (!f.error.isEmpty()) {
          statusBar()->showMessage(f.error.replace(QStringLiteral("--where: "), tr("Filter: ")), 10000);
          m_where_edit->setStyleSheet(QStringLiteral("QLineEdit { background: #fde2e2; }"));
          return;
        }
        m_where_edit->setStyleSheet(QString());
        m_unit_parcels->table_model()->set_rows(std::move(f.rows));
        m_tables->setCurrentIndex(1);
        update_totals();
      });
}

QString MainWindow::table_totals() const { return m_totals ? m_totals->text() : QString(); }

void MainWindow::update_totals() {
  if (!m_totals) return;
  // Totals of the rows the current tab shows (count, 亩, tax), and of the selection when that is another tab.
  const auto totals = [](const ParcelTable* t) {
    double mu = 0, tax = 0;
    const int n = t->model()->rowCount();
    const auto& rows = t->table_model()->rows();
    for (int r = 0; r < n; ++r) {
      const int source = t->proxy()->mapToSource(t->proxy()->index(r, 0)).row();
      const ParcelRow& row = rows[static_cast<std::size_t>(source)];
      mu += row.area_mu;
      tax += row.tax_wan.value_or(0);
    }
    const QLocale l;
    return tr("%1 parcels, %2 mu, tax %3 (10k CNY)").arg(n).arg(l.toString(mu, 'f', 2), l.toString(tax, 'f', 1));
  };
  const bool selection_tab = m_tables->currentIndex() == 0;
  QString text = (selection_tab ? tr("Selected: %1") : tr("Shown: %1")).arg(totals(selection_tab ? m_selection : m_unit_parcels));
  if (!selection_tab && m_selection->model()->rowCount() > 0) text += QStringLiteral("  ·  ") + tr("Selected: %1").arg(totals(m_selection));
  m_totals->setText(text);
}

bool MainWindow::export_shown_table(const QString& path, QString* error) const {
  const auto* t = m_tables->currentIndex() == 0 ? m_selection : m_unit_parcels;
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
    if (error) *error = tr("Cannot write %1: %2").arg(path, f.errorString());
    return false;
  }
  QTextStream out(&f);
  out.setEncoding(QStringConverter::Utf8);
  out.setGenerateByteOrderMark(true);  // Excel reads the Chinese text as UTF-8
  const auto cell = [](QString v) {
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')))
      v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return v;
  };
  QStringList line;
  std::vector<int> columns;
  for (int v = 0; v < t->horizontalHeader()->count(); ++v) {
    const int c = t->horizontalHeader()->logicalIndex(v);
    if (t->isColumnHidden(c)) continue;
    columns.push_back(c);
    line << cell(t->model()->headerData(c, Qt::Horizontal).toString());
  }
  out << line.join(QLatin1Char(',')) << "\r\n";
  for (int r = 0; r < t->model()->rowCount(); ++r) {
    line.clear();
    for (int c : columns) line << cell(t->model()->index(r, c).data().toString());
    out << line.join(QLatin1Char(',')) << "\r\n";
  }
  out.flush();
  if (f.error() != QFile::NoError) {
    if (error) *error = tr("Cannot write %1: %2").arg(path, f.errorString());
    return false;
  }
  return true;
}

void MainWindow::choose_and_export_table() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export table"), QDir(last_folder(QStringLiteral("export"))).filePath(QStringLiteral("parcels.csv")),
                                                    tr("CSV (*.csv)"));
  if (path.isEmpty()) return;
  remember_folder(QStringLiteral("export"), path);
  QString error;
  if (export_shown_table(path, &error)) statusBar()->showMessage(tr("Table written to %1").arg(path), 8000);
  else show_error(tr("Export failed"), error);
}

// ---- what the window remembers ----

QString MainWindow::last_folder(const QString& kind) {
  const QString dir = QSettings().value(QStringLiteral("folders/") + kind).toString();
  return !dir.isEmpty() && QFileInfo(dir).isDir() ? dir : QDir::homePath();
}

void MainWindow::remember_folder(const QString& kind, const QString& path) {
  const QFileInfo f(path);
  QSettings().setValue(QStringLiteral("folders/") + kind, f.isDir() ? f.absoluteFilePath() : f.absolutePath());
}

void MainWindow::restore_layout() {
  QSettings s;
  if (s.contains(QStringLiteral("window/geometry"))) restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
  if (s.contains(QStringLiteral("window/state"))) restoreState(s.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::save_layout() {
  QSettings s;
  s.setValue(QStringLiteral("window/geometry"), saveGeometry());
  s.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent* e) {
  save_layout();
  QMainWindow::closeEvent(e);
}

}  // namespace parkgis::viewer
