#include "app/viewer/label_options.h"

#include <QActionGroup>
#include <QEvent>
#include <QSettings>
#include <cmath>

namespace parkgis::viewer {

namespace {

render::LabelOptions saved_options() {
  QSettings s;
  render::LabelOptions o;
  if (auto f = render::parse_parcel_label(s.value(QStringLiteral("labels/parcel")).toString().toStdString())) o.parcel = *f;
  const double pt = s.value(QStringLiteral("labels/size_pt"), render::kDefaultLabelPt).toDouble();
  if (pt >= render::kMinLabelPt && pt <= render::kMaxLabelPt) o.size_pt = pt;
  return o;
}

}  // namespace

const std::vector<double>& LabelMenu::sizes_pt() {
  static const std::vector<double> sizes = {6, 7, 8, 9, 10, 12, 14};
  return sizes;
}

LabelMenu::LabelMenu(QWidget* parent) : QMenu(parent), m_options(saved_options()) {
  setObjectName(QStringLiteral("label_menu"));
  m_fields = new QActionGroup(this);
  for (const render::ParcelLabelInfo& i : render::parcel_label_fields()) {
    QAction* a = addAction(QString());
    a->setData(QString::fromLatin1(i.key));
    a->setCheckable(true);
    m_fields->addAction(a);
  }
  addSeparator();
  m_size_menu = addMenu(QString());
  m_sizes = new QActionGroup(this);
  for (double pt : sizes_pt()) {
    QAction* a = m_size_menu->addAction(QStringLiteral("%1 pt").arg(pt));
    a->setData(pt);
    a->setCheckable(true);
    m_sizes->addAction(a);
  }
  connect(m_fields, &QActionGroup::triggered, this, [this](QAction* a) {
    render::LabelOptions o = m_options;
    o.parcel = render::parse_parcel_label(a->data().toString().toStdString()).value_or(o.parcel);
    set_options(o);
  });
  connect(m_sizes, &QActionGroup::triggered, this, [this](QAction* a) {
    render::LabelOptions o = m_options;
    o.size_pt = a->data().toDouble();
    set_options(o);
  });
  check_current();
  retranslate();
}

void LabelMenu::set_options(const render::LabelOptions& o) {
  const bool differs = !(o == m_options);
  m_options = o;
  check_current();
  if (!differs) return;
  QSettings s;
  s.setValue(QStringLiteral("labels/parcel"), QString::fromLatin1(render::parcel_label_info(o.parcel).key));
  s.setValue(QStringLiteral("labels/size_pt"), o.size_pt);
  emit changed(o);
}

void LabelMenu::check_current() {
  const QString key = QString::fromLatin1(render::parcel_label_info(m_options.parcel).key);
  for (QAction* a : m_fields->actions()) a->setChecked(a->data().toString() == key);
  for (QAction* a : m_sizes->actions()) a->setChecked(std::abs(a->data().toDouble() - m_options.size_pt) < 0.01);
}

void LabelMenu::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QMenu::changeEvent(e);
}

void LabelMenu::retranslate() {
  setTitle(tr("&Labels"));
  m_size_menu->setTitle(tr("Label &size"));
  const QList<QAction*> actions = m_fields->actions();
  for (QAction* a : actions) {
    const auto f = render::parse_parcel_label(a->data().toString().toStdString());
    switch (f.value_or(render::ParcelLabel::none)) {
      case render::ParcelLabel::parcel_id: a->setText(tr("Parcel id")); break;
      case render::ParcelLabel::holder: a->setText(tr("Holder")); break;
      case render::ParcelLabel::tax_per_mu: a->setText(tr("Tax per mu (10k CNY/mu)")); break;
      case render::ParcelLabel::grade: a->setText(tr("Grade")); break;
      case render::ParcelLabel::none: a->setText(tr("No parcel labels")); break;
    }
  }
}

}  // namespace parkgis::viewer
