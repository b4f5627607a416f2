#include "app/viewer/evaluation_selector.h"
#include <QSignalBlocker>
#include <optional>

#include "app/viewer/evaluation_choice.h"
#include "libgis/history/evaluations.h"
#include "libgis/store/store.h"

namespace parkgis::viewer {

EvaluationSelector::EvaluationSelector(QWidget* parent) : QComboBox(parent) {
  setObjectName(QStringLiteral("evaluation_selector"));
  setSizeAdjustPolicy(QComboBox::AdjustToContents);
  setToolTip(tr("Evaluation shown (评价时点)"));
  connect(this, &QComboBox::activated, this, &EvaluationSelector::choose);
}

void EvaluationSelector::load(const QString& db_path) {
  std::optional<QSignalBlocker> block(this);  // refilling is not a choice
  clear();
  std::vector<history::Evaluation> evals;
  try {
    auto store = store::open_store(db_path.toStdString());
    evals = history::list_evaluations(*store);
  } catch (const std::exception&) {
    evals.clear();  // the window reports a database it cannot open
  }
  const std::optional<Date> shown = evaluation_date();
  for (std::size_t i = 0; i < evals.size(); ++i) {
    const QString date = QString::fromStdString(evals[i].as_of.iso());
    const bool latest = i + 1 == evals.size();
    // The item's data: the date, empty for the latest (the viewer's default, kept when a later one is added).
    addItem(latest ? tr("%1 (latest)").arg(date) : date, latest ? QString() : date);
    if ((shown && *shown == evals[i].as_of) || (!shown && latest)) setCurrentIndex(count() - 1);
  }
  block.reset();
  emit available(evals.size() >= 2);
}

void EvaluationSelector::choose(int index) {
  if (index < 0) return;
  const QString date = itemData(index).toString();
  const std::optional<Date> chosen = date.isEmpty() ? std::nullopt : parse_date(date.toStdString());
  if (chosen == evaluation_date()) return;
  set_evaluation_date(chosen);
  emit evaluation_chosen();
}

}  // namespace parkgis::viewer
