#include "app/viewer/trend_panel.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineSeries>
#include <QStackedLayout>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

#include "app/viewer/data_service.h"
#include "app/viewer/park_tree.h"
#include "libgis/report/trend.h"
#include "libgis/store/store.h"

namespace parkgis::viewer {

namespace {

// The largest value of the series on one axis (0 when none).
double axis_max(const report::LineChart& chart, bool right) {
  double hi = 0;
  for (const report::ChartSeries& s : chart.series)
    if (s.right_axis == right)
      for (const auto& v : s.values)
        if (v) hi = std::max(hi, *v);
  return hi;
}

QChart* new_chart(QWidget* parent, QVBoxLayout* into) {
  auto* chart = new QChart;
  chart->setMargins(QMargins(2, 2, 2, 2));
  chart->legend()->setAlignment(Qt::AlignBottom);
  QFont title = chart->titleFont();
  title.setBold(true);
  chart->setTitleFont(title);
  auto* view = new QChartView(chart, parent);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumSize(260, 180);
  into->addWidget(view, 1);
  return chart;
}

}  // namespace

TrendPanel::TrendPanel(DataService* service, ParkTree* tree, QWidget* parent)
    : QWidget(parent), m_data_service(service), m_tree(tree) {
  setObjectName(QStringLiteral("trend_panel"));
  m_stack = new QStackedLayout(this);
  m_message = new QLabel(this);
  m_message->setWordWrap(true);
  m_message->setAlignment(Qt::AlignCenter);
  m_message->setMargin(16);
  m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_charts = new QWidget(this);
  auto* column = new QVBoxLayout(m_charts);
  column->setContentsMargins(2, 2, 2, 2);
  m_title = new QLabel(m_charts);
  m_title->setAlignment(Qt::AlignCenter);
  m_title->setWordWrap(true);
  QFont bold = m_title->font();
  bold.setBold(true);
  m_title->setFont(bold);
  column->addWidget(m_title);
  m_tax = new_chart(m_charts, column);
  m_land = new_chart(m_charts, column);
  m_stack->addWidget(m_message);
  m_stack->addWidget(m_charts);
  connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TrendPanel::selection_changed);
  show_message({});
}

bool TrendPanel::chart_shown() const { return m_stack->currentWidget() == m_charts; }

QString TrendPanel::message() const { return chart_shown() ? QString() : m_message->text(); }

void TrendPanel::selection_changed() {
  const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
  if (rows.isEmpty()) return;
  const QModelIndex i = rows.front();
  show_unit(i.data(ParkTreeModel::IsZoneRole).toBool(), i.data(ParkTreeModel::IdRole).toString());
}

void TrendPanel::reload() {
  if (m_id.isEmpty()) return show_message({});
  show_unit(m_is_zone, m_id);
}

void TrendPanel::show_unit(bool is_zone, const QString& id) {
  m_is_zone = is_zone;
  m_id = id;
  // The tree's first column: "YQ01-PQ1 蕉城小微园一片区" (the id alone when the unit has no name).
  const QString shown = m_tree->tree_model()->find(id).data(Qt::DisplayRole).toString();
  const std::string uid = id.toStdString();
  const std::string title = shown.startsWith(id) ? shown.toStdString() : uid;
  m_data_service->post<report::LineChart>(
      [is_zone, uid, title](store::Store& view) {
        // Every evaluation is read from the database itself, not through the evaluation shown.
        const std::unique_ptr<store::Store> base = store::open_store(view.location());
        report::TrendRequest req;
        req.level = is_zone ? report::TrendLevel::zone : report::TrendLevel::park;
        (is_zone ? req.zone_id : req.park_id) = uid;
        return report::trend_chart(report::build_trend(*base, req), uid, title);
      },
      this,
      [this, id](report::LineChart chart) {
        if (id == m_id) show_data(std::move(chart));
      },
      "trend",
      [this, id](const QString& error) {
        if (id != m_id) return;
        m_error = error;
        show_message(tr("No trend for %1: %2").arg(id, error));
      });
}

void TrendPanel::show_data(report::LineChart chart) {
  m_error.clear();
  m_data = std::move(chart);
  if (m_data.x_labels.size() < 2) {
    const QString date = m_data.x_labels.empty() ? QString() : QString::fromStdString(m_data.x_labels.front());
    return show_message(tr("This database keeps one evaluation (%1); a trend needs two or more. Add another with "
                           "'parkgis analyze --db FILE --as-of DATE' (docs/history.md).")
                            .arg(date));
  }
  rebuild_chart();
  m_stack->setCurrentWidget(m_charts);
  emit shown();
}

void TrendPanel::show_message(const QString& text) {
  m_message->setText(text.isEmpty() ? tr("Choose a park or zone in the tree to see its figures by evaluation date.")
                                    : text);
  m_stack->setCurrentWidget(m_message);
  emit shown();
}

void TrendPanel::rebuild_chart() {
  m_title->setText(tr("%1: figures by evaluation").arg(QString::fromStdString(m_data.title)));
  const int n = static_cast<int>(m_data.x_labels.size());
  for (const bool tax : {true, false}) {  // 亩均税收 above (the right axis of the HTML chart), land below
    QChart* chart = tax ? m_tax : m_land;
    chart->removeAllSeries();
    for (QAbstractAxis* a : chart->axes()) {
      chart->removeAxis(a);
      delete a;
    }
    chart->setTitle(tax ? tr("Tax per mu (10,000 yuan/mu)") : tr("Idle and unsupplied land (mu)"));
    chart->legend()->setVisible(!tax);  // one series: its title names it
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setStartValue(-0.3);
    for (int i = 0; i < n; ++i) x->append(QString::fromStdString(m_data.x_labels[static_cast<std::size_t>(i)]), i);
    x->setRange(-0.3, n - 0.7);
    auto* y = new QValueAxis;
    const double hi = axis_max(m_data, tax);
    y->setRange(0, hi > 0 ? hi * 1.08 : 1);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.4g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (const report::ChartSeries& s : m_data.series) {
      if (s.right_axis != tax) continue;
      auto* line = new QLineSeries;
      // The legend in the interface's language; the figures are those of 'parkgis trend'.
      if (s.name == "亩均税收") line->setName(tr("Tax per mu"));
      else if (s.name == "闲置土地") line->setName(tr("Idle land"));
      else if (s.name == "批而未供") line->setName(tr("Unsupplied"));
      else line->setName(QString::fromStdString(s.name));
      for (std::size_t i = 0; i < s.values.size(); ++i)
        if (s.values[i]) line->append(static_cast<double>(i), *s.values[i]);
      QPen pen(QColor(QString::fromStdString(s.colour)));
      pen.setWidthF(2.2);
      line->setPen(pen);
      line->setPointsVisible(true);
      chart->addSeries(line);
      line->attachAxis(x);
      line->attachAxis(y);
    }
  }
}

void TrendPanel::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) {
    if (chart_shown()) rebuild_chart();
    else if (m_id.isEmpty()) show_message({});
    else if (m_error.isEmpty()) show_data(report::LineChart(m_data));  // the one-evaluation sentence again
  }
  QWidget::changeEvent(e);
}

}  // namespace parkgis::viewer
