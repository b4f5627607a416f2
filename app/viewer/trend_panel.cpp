#include "app/viewer/trend_panel.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineSeries>
#include <QStackedLayout>
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

QValueAxis* value_axis(const QString& title, double hi) {
  auto* axis = new QValueAxis;
  axis->setTitleText(title);
  axis->setRange(0, hi > 0 ? hi * 1.08 : 1);
  axis->applyNiceNumbers();
  axis->setLabelFormat(QStringLiteral("%.4g"));
  return axis;
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
  m_chart = new QChart;
  m_chart->legend()->setAlignment(Qt::AlignBottom);
  m_chart->setMargins(QMargins(4, 4, 4, 4));
  m_view = new QChartView(m_chart, this);
  m_view->setRenderHint(QPainter::Antialiasing);
  m_view->setMinimumSize(280, 260);
  m_stack->addWidget(m_message);
  m_stack->addWidget(m_view);
  connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TrendPanel::selection_changed);
  show_message({});
}

bool TrendPanel::chart_shown() const { return m_stack->currentWidget() == m_view; }

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
  QString name = m_tree->tree_model()->find(id).data(Qt::DisplayRole).toString();
  if (name == id) name.clear();
  const std::string uid = id.toStdString();
  const std::string title = name.isEmpty() ? uid : uid + " " + name.toStdString();
  m_data_service->post<report::LineChart>(
      [is_zone, uid, title](store::Store& view) {
        // Every evaluation is read from the database itself, not through the evaluation shown.
        const std::unique_ptr<store::Store> base = store::open_spatialite(view.location());
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
  m_stack->setCurrentWidget(m_view);
  emit shown();
}

void TrendPanel::show_message(const QString& text) {
  m_message->setText(text.isEmpty() ? tr("Choose a park or zone in the tree to see its figures by evaluation date.")
                                    : text);
  m_stack->setCurrentWidget(m_message);
  emit shown();
}

void TrendPanel::rebuild_chart() {
  m_chart->removeAllSeries();
  for (QAbstractAxis* a : m_chart->axes()) {
    m_chart->removeAxis(a);
    delete a;
  }
  m_chart->setTitle(tr("%1: figures by evaluation").arg(QString::fromStdString(m_data.title)));
  QFont title_font = m_chart->titleFont();
  title_font.setBold(true);
  m_chart->setTitleFont(title_font);

  auto* x = new QCategoryAxis;
  x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
  const int n = static_cast<int>(m_data.x_labels.size());
  x->setStartValue(-0.3);
  for (int i = 0; i < n; ++i) x->append(QString::fromStdString(m_data.x_labels[static_cast<std::size_t>(i)]), i);
  x->setRange(-0.3, n - 0.7);
  x->setTitleText(tr("Evaluation date"));
  QValueAxis* left = value_axis(tr("mu"), axis_max(m_data, false));
  QValueAxis* right = value_axis(tr("10,000 yuan/mu"), axis_max(m_data, true));
  m_chart->addAxis(x, Qt::AlignBottom);
  m_chart->addAxis(left, Qt::AlignLeft);
  m_chart->addAxis(right, Qt::AlignRight);

  for (const report::ChartSeries& s : m_data.series) {
    auto* line = new QLineSeries;
    // The legend in the interface's language; the figures are those of 'parkgis trend'.
    if (s.name == "亩均税收") line->setName(tr("Tax per mu (right axis, 10,000 yuan/mu)"));
    else if (s.name == "闲置土地") line->setName(tr("Idle land (mu)"));
    else if (s.name == "批而未供") line->setName(tr("Approved, not supplied (mu)"));
    else line->setName(QString::fromStdString(s.name));
    for (std::size_t i = 0; i < s.values.size(); ++i)
      if (s.values[i]) line->append(static_cast<double>(i), *s.values[i]);
    QPen pen(QColor(QString::fromStdString(s.colour)));
    pen.setWidthF(2.2);
    line->setPen(pen);
    line->setPointsVisible(true);
    m_chart->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(s.right_axis ? right : left);
    right->setLinePenColor(s.right_axis ? pen.color() : right->linePenColor());
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
