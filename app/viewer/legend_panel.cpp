#include "app/viewer/legend_panel.h"

#include <QEvent>
#include <QPainter>
#include <QVBoxLayout>

#include "app/viewer/language.h"
#include "libgis/render/legend.h"

namespace parkgis::viewer {

LegendPanel::LegendPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  m_title = new QLabel(this);
  QFont f = m_title->font();
  f.setBold(true);
  m_title->setFont(f);
  m_title->setWordWrap(true);
  m_list = new QListWidget(this);
  m_list->setIconSize(QSize(28, 16));
  m_list->setSelectionMode(QAbstractItemView::NoSelection);
  m_list->setFrameShape(QFrame::NoFrame);
  layout->addWidget(m_title);
  layout->addWidget(m_list, 1);
}

void LegendPanel::set_theme(const style::Theme& theme) {
  m_theme = theme;
  rebuild();
}

QStringList LegendPanel::labels() const {
  QStringList out;
  for (int i = 0; i < m_list->count(); ++i) out << m_list->item(i)->text();
  return out;
}

void LegendPanel::rebuild() {
  m_list->clear();
  if (!m_theme) {
    m_title->clear();
    return;
  }
  const render::Lang lang = map_language();
  m_title->setText(render::theme_title(*m_theme, lang));
  for (const render::LegendEntry& e : render::legend_entries(*m_theme, lang, true)) {
    QPixmap swatch(28, 16);
    swatch.fill(Qt::transparent);
    {
      QPainter p(&swatch);
      render::draw_swatch(p, QRectF(1, 1, 26, 14), e);
    }
    m_list->addItem(new QListWidgetItem(QIcon(swatch), e.label));
  }
}

void LegendPanel::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) rebuild();
  QWidget::changeEvent(e);
}

}  // namespace parkgis::viewer
