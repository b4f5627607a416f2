#pragma once
// What the viewer shows before a database is open: open a database, open a dataset folder (imported
// and analysed), the recent files, and the bundled sample (found through libgis/core/data_paths).

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace parkgis::viewer {

class StartPage : public QWidget {
  Q_OBJECT
 public:
  explicit StartPage(QWidget* parent = nullptr);

  // Refills the recent files (from QSettings "recent") and looks for the sample again.
  void refresh();
  // The bundled sample folder, "" when it is not installed.
  QString sample_folder() const { return m_sample; }
  QListWidget* recent_list() const { return m_recent; }
  QPushButton* sample_button() const { return m_sample_button; }

 signals:
  void open_database_requested();
  void open_folder_requested();
  void open_path_requested(const QString& path);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void retranslate();

  QLabel *m_title, *m_hint, *m_recent_label;
  QPushButton *m_open_db, *m_open_folder, *m_sample_button;
  QListWidget* m_recent;
  QString m_sample;
};

}  // namespace parkgis::viewer
