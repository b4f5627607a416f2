#pragma once
// The 趋势 panel: for the park or zone selected in the park tree, its figures by evaluation date as two
// small line charts (Qt Charts) one above the other, sharing the dates: 亩均税收 (万元/亩), and 闲置土地
// with 批而未供 (亩).
// The figures are those of 'parkgis trend' (report::build_trend, charted by report::trend_chart as the
// HTML trend report does), read on the data thread; nothing is computed here. With one evaluation, or
// nothing selected, a sentence says what to do instead.

#include <QString>
#include <QWidget>

#include "libgis/report/svg_chart.h"

class QLabel;
class QStackedLayout;
class QChart;
class QChartView;

namespace parkgis::viewer {

class DataService;
class ParkTree;

class TrendPanel : public QWidget {
  Q_OBJECT
 public:
  TrendPanel(DataService* service, ParkTree* tree, QWidget* parent = nullptr);

  // Shows the trend of a park or zone (what selecting it in the tree does).
  void show_unit(bool is_zone, const QString& id);
  void reload();  // a database was opened: the unit shown is read again (or the hint shown)

  bool chart_shown() const;
  QChart* tax_chart() const { return m_tax; }    // 亩均税收
  QChart* land_chart() const { return m_land; }  // 闲置土地, 批而未供
  QString message() const;               // the empty-state text (when no chart is shown)
  const report::LineChart& data() const { return m_data; }  // what the chart shows
  QString unit_id() const { return m_id; }

 signals:
  void shown();  // the chart or the message was updated

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void selection_changed();
  void show_data(report::LineChart chart);
  void show_message(const QString& text);
  void rebuild_chart();

  DataService* m_data_service;
  ParkTree* m_tree;
  QStackedLayout* m_stack;
  QLabel* m_message;
  QWidget* m_charts;  // the title and both charts
  QLabel* m_title;
  QChart *m_tax, *m_land;
  report::LineChart m_data;
  QString m_id;
  bool m_is_zone = false;
  QString m_error;  // the last read's problem ("" = none)
};

}  // namespace parkgis::viewer
