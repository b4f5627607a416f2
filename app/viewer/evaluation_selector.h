#pragma once
// The toolbar's choice of evaluation (docs/history.md): one item per evaluation kept in the open
// database, the latest marked 最新. Choosing one sets the viewer's evaluation (evaluation_choice.h) and
// asks the window to open the database again through it, so the map, tree, table and identify panel all
// show that evaluation.

#include <QComboBox>
#include <QString>

namespace parkgis::viewer {

class EvaluationSelector : public QComboBox {
  Q_OBJECT
 public:
  explicit EvaluationSelector(QWidget* parent = nullptr);

  // Lists the evaluations of the database at `db_path` (read from its evaluations table) and selects the
  // one shown (evaluation_date(), else the latest).
  void load(const QString& db_path);

 signals:
  // The user chose another evaluation; evaluation_date() is already set to it.
  void evaluation_chosen();
  // After load(): whether there is a choice (two evaluations or more); the toolbar shows the selector then.
  void available(bool choice);

 private:
  void choose(int index);
};

}  // namespace parkgis::viewer
