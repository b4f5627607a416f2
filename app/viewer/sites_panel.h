#pragma once
// The 储备候选 panel: the land-reserve sites of 'parkgis sites' (table reserve_sites) listed beside the
// map, best first; double-click zooms to a site and shows the sites theme; the 选址 button opens the site
// search (site_search_dialog.h), whose answers are outlined on the map. Reads run on the data thread.

#include <QWidget>
#include <string>
#include <vector>

#include "libgis/render/map_transform.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace parkgis::viewer {

class MainWindow;
class SiteSearchDialog;

// One row of reserve_sites as the panel shows it.
struct SiteRow {
  std::string site_id, zone_id, park_id, kinds, step;
  long long rank = 0;
  double score = 0, area_mu = 0, min_width_m = 0;
  render::Extent box;
};

class SitesPanel : public QWidget {
  Q_OBJECT
 public:
  explicit SitesPanel(MainWindow* window, QWidget* parent = nullptr);

  void reload();  // after a database was opened: reads reserve_sites (none: an explanation instead)
  const std::vector<SiteRow>& sites() const { return m_sites; }
  QTableWidget* table() const { return m_table; }
  QPushButton* search_button() const { return m_search; }

  void zoom_to_site(const QString& site_id);  // switches to the sites theme
  // Outlines these sites on the map (with the selected parcels), shows the sites theme and zooms to them.
  void highlight(const std::vector<std::string>& site_ids);
  const std::vector<std::string>& highlighted() const { return m_highlighted; }

  SiteSearchDialog* search_dialog();  // the 选址 dialog (made on first use)
  void retranslate();

 signals:
  void loaded(int count);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void fill();

  MainWindow* m_window;
  QLabel* m_note;
  QTableWidget* m_table;
  QPushButton* m_search;
  SiteSearchDialog* m_dialog = nullptr;
  std::vector<SiteRow> m_sites;
  std::vector<std::string> m_highlighted;
};

}  // namespace parkgis::viewer
