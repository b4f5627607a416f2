#include "app/viewer/added_layers.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace parkgis::viewer {

AddedLayers::AddedLayers(QWidget* parent) : QWidget(parent) {
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(4, 2, 4, 2);
  m_heading = new QLabel(this);
  v->addWidget(m_heading);
  m_rows = new QVBoxLayout;
  m_rows->setSpacing(2);
  v->addLayout(m_rows);
  retranslate();
  rebuild();
}

void AddedLayers::add_basemap(const render::Basemap& b) {
  m_basemaps.push_back(b);
  rebuild();
  emit changed();
}

void AddedLayers::add_reference(const render::ReferenceLayer& r) {
  m_references.push_back(r);
  rebuild();
  emit changed();
}

QCheckBox* AddedLayers::basemap_box(int i) const { return m_basemap_boxes.at(static_cast<std::size_t>(i)); }
QSlider* AddedLayers::opacity_slider(int i) const { return m_sliders.at(static_cast<std::size_t>(i)); }
QCheckBox* AddedLayers::reference_box(int i) const { return m_reference_boxes.at(static_cast<std::size_t>(i)); }

void AddedLayers::rebuild() {
  for (QWidget* w : m_row_widgets) {  // may hold the remove button being clicked: deleted later, hidden now
    m_rows->removeWidget(w);
    w->hide();
    w->deleteLater();
  }
  m_row_widgets.clear();
  m_basemap_boxes.assign(m_basemaps.size(), nullptr);
  m_sliders.assign(m_basemaps.size(), nullptr);
  m_reference_boxes.assign(m_references.size(), nullptr);
  // One row: a check box named after the source (the full source as its tooltip) and a remove button.
  const auto row = [this](const QString& name, const std::string& source, bool on, auto set_visible, auto remove) {
    auto* w = new QWidget(this);
    auto* h = new QHBoxLayout(w);
    h->setContentsMargins(0, 0, 0, 0);
    auto* box = new QCheckBox(name, w);
    box->setToolTip(QString::fromStdString(source));
    box->setChecked(on);
    connect(box, &QCheckBox::toggled, this, [this, set_visible](bool v) {
      set_visible(v);
      emit changed();
    });
    h->addWidget(box, 1);
    auto* drop = new QToolButton(w);
    drop->setText(QStringLiteral("×"));
    drop->setToolTip(tr("Remove"));
    connect(drop, &QToolButton::clicked, this, [this, remove] {
      remove();
      rebuild();
      emit changed();
    });
    h->addWidget(drop);
    m_rows->addWidget(w);
    m_row_widgets.push_back(w);
    return std::make_pair(w, box);
  };
  for (std::size_t i = 0; i < m_references.size(); ++i) {
    const render::ReferenceLayer& r = m_references[i];
    m_reference_boxes[i] =
        row(tr("%1 (reference)").arg(render::reference_name(r.source)), r.source, r.visible,
            [this, i](bool v) { m_references[i].visible = v; },
            [this, i] { m_references.erase(m_references.begin() + static_cast<std::ptrdiff_t>(i)); })
            .second;
  }
  for (std::size_t k = m_basemaps.size(); k-- > 0;) {
    const render::Basemap& b = m_basemaps[k];
    const auto [w, box] = row(render::basemap_name(b.source), b.source,
                              b.visible, [this, k](bool v) { m_basemaps[k].visible = v; },
                              [this, k] { m_basemaps.erase(m_basemaps.begin() + static_cast<std::ptrdiff_t>(k)); });
    m_basemap_boxes[k] = box;
    auto* slider = new QSlider(Qt::Horizontal, w);
    slider->setRange(0, 100);
    slider->setValue(static_cast<int>(std::lround(b.opacity * 100)));
    slider->setMaximumWidth(90);
    slider->setToolTip(tr("Opacity %1%").arg(slider->value()));
    connect(slider, &QSlider::valueChanged, this, [this, k, slider](int v) {
      m_basemaps[k].opacity = v / 100.0;
      slider->setToolTip(tr("Opacity %1%").arg(v));
      emit changed();
    });
    static_cast<QHBoxLayout*>(w->layout())->insertWidget(1, slider);
    m_sliders[k] = slider;
  }
  m_heading->setVisible(!m_basemaps.empty() || !m_references.empty());
}

void AddedLayers::retranslate() { m_heading->setText(tr("Basemaps and reference layers")); }

void AddedLayers::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) {
    retranslate();
    rebuild();
  }
  QWidget::changeEvent(e);
}

}  // namespace parkgis::viewer
