#pragma once
// The 选址 dialog: a project's area (亩) and width (m), near a point (default: the map's centre) or in
// a zone; the answers (reserve::search_sites over reserve_sites, on the data thread) are listed and
// outlined on the map through the sites panel.

#include <QDialog>
#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace parkgis::viewer {

class MainWindow;
class SitesPanel;

class SiteSearchDialog : public QDialog {
  Q_OBJECT
 public:
  SiteSearchDialog(MainWindow* window, SitesPanel* panel, QWidget* parent = nullptr);

  // The form, for tests and scripting.
  void set_query(double area_mu, double width_m);
  void set_near(double x, double y);  // search near a point
  void set_zone(const QString& zone_id);  // search in a zone
  void set_anywhere();
  void search();  // runs the search; answers() and the map follow when it is done

  const std::vector<std::string>& answers() const { return m_answers; }
  QListWidget* results() const { return m_results; }
  void retranslate();

 signals:
  void answered(int count);

 protected:
  void changeEvent(QEvent* e) override;
  void showEvent(QShowEvent* e) override;

 private:
  MainWindow* m_window;
  SitesPanel* m_panel;
  QLabel *m_area_label, *m_width_label, *m_summary;
  QDoubleSpinBox *m_area, *m_width;
  QRadioButton *m_near_mode, *m_zone_mode, *m_any_mode;
  QLineEdit *m_x, *m_y;
  QComboBox* m_zone;
  QPushButton* m_go;
  QListWidget* m_results;
  std::vector<std::string> m_answers;
};

}  // namespace parkgis::viewer
