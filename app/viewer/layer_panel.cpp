#include "app/viewer/layer_panel.h"

#include <QEvent>
#include <iterator>

namespace parkgis::viewer {

namespace {

// Rows top to bottom as a layer list reads: what is drawn on top first.
const render::LayerId kRows[] = {render::LayerId::zones,      render::LayerId::buildings, render::LayerId::sites,
                                 render::LayerId::unsupplied, render::LayerId::parcels,   render::LayerId::parks};
constexpr int kLabelsRow = static_cast<int>(std::size(kRows));

}  // namespace

LayerPanel::LayerPanel(QWidget* parent) : QListWidget(parent) {
  for (int i = 0; i <= kLabelsRow; ++i) {
    auto* item = new QListWidgetItem(this);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
  }
  retranslate();
  connect(this, &QListWidget::itemChanged, this, [this] {
    if (!m_updating) emit changed(visibility(), labels());
  });
}

void LayerPanel::retranslate() {
  m_updating = true;
  item(0)->setText(tr("Zone boundaries"));
  item(1)->setText(tr("Buildings (when zoomed in)"));
  item(2)->setText(tr("Land-reserve sites"));
  item(3)->setText(tr("Unsupplied land"));
  item(4)->setText(tr("Parcels"));
  item(5)->setText(tr("Parks"));
  item(kLabelsRow)->setText(tr("Labels"));
  m_updating = false;
}

void LayerPanel::set_state(const render::LayerVisibility& v, bool show_labels) {
  m_updating = true;
  for (int i = 0; i < kLabelsRow; ++i) item(i)->setCheckState(v[kRows[i]] ? Qt::Checked : Qt::Unchecked);
  item(kLabelsRow)->setCheckState(show_labels ? Qt::Checked : Qt::Unchecked);
  m_updating = false;
}

render::LayerVisibility LayerPanel::visibility() const {
  render::LayerVisibility v;
  for (int i = 0; i < kLabelsRow; ++i) v.set(kRows[i], item(i)->checkState() == Qt::Checked);
  return v;
}

void LayerPanel::set_layer_shown(render::LayerId id, bool on) {
  for (int i = 0; i < kLabelsRow; ++i)
    if (kRows[i] == id) item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
}

bool LayerPanel::labels() const { return item(kLabelsRow)->checkState() == Qt::Checked; }

void LayerPanel::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QListWidget::changeEvent(e);
}

}  // namespace parkgis::viewer
