#pragma once
// File › 打印布局… (print layout): paper (A4/A3, portrait or landscape), scale (fit the view, or 1:N),
// resolution, title, subtitle, date, the atlas (one sheet per zone of a park) and the file. The sheet
// is made by the same libgis code as 'parkgis render --paper …' (render::export_print).

#include <QDialog>
#include <QString>
#include <optional>
#include <vector>

#include "libgis/render/print_layout.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace parkgis::viewer {

struct PrintChoice {
  render::PrintLayout layout;
  QString title, subtitle, date;  // date made, YYYY-MM-DD
  QString path;                   // .pdf or .png; with atlas a .pdf or a folder
  QString atlas_park;             // "" = one sheet of the view
};

class PrintDialog : public QDialog {
  Q_OBJECT
 public:
  // parks: (id, name) of the database's parks, for the atlas; current_park preselected.
  PrintDialog(const QString& default_title, const QString& default_path,
              const std::vector<std::pair<QString, QString>>& parks, const QString& current_park,
              QWidget* parent = nullptr);

  // The choice, or nullopt with the problem shown in the dialog (bad scale, no file).
  std::optional<PrintChoice> choice();

  // For tests and callers that fill it in.
  QComboBox* paper() const { return m_paper; }
  QCheckBox* landscape() const { return m_landscape; }
  QComboBox* scale() const { return m_scale; }
  QSpinBox* dpi() const { return m_dpi; }
  QLineEdit* title_edit() const { return m_title; }
  QLineEdit* subtitle_edit() const { return m_subtitle; }
  QLineEdit* date_edit() const { return m_date; }
  QLineEdit* path_edit() const { return m_path; }
  QCheckBox* atlas() const { return m_atlas; }
  QComboBox* atlas_park() const { return m_park; }
  QString problem() const;

  void accept() override;

 private:
  QComboBox *m_paper, *m_scale, *m_park;
  QCheckBox *m_landscape, *m_atlas;
  QSpinBox* m_dpi;
  QLineEdit *m_title, *m_subtitle, *m_date, *m_path;
  QLabel* m_problem;
};

}  // namespace parkgis::viewer
