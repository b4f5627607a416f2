#include "app/viewer/identify_panel.h"

#include <QEvent>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>

#include "app/viewer/language.h"
#include "app/viewer/parcel_table.h"
#include "libgis/export/field_labels.h"

namespace parkgis::viewer {

namespace {

constexpr int kColumnRole = Qt::UserRole + 1;
constexpr int kSectionRole = Qt::UserRole + 2;

QString label_of(const Attribute& a) {
  const bool zh = map_language() == render::Lang::zh;
  QString label = zh && !a.label_zh.empty() && a.label_zh != a.column ? QString::fromStdString(a.label_zh)
                                                                      : QString::fromStdString(a.label_en.empty() ? a.column : a.label_en);
  QString unit = QString::fromStdString(a.unit);
  if (!zh) {  // the units' English words
    unit.replace(QStringLiteral("万元"), QStringLiteral("10,000 yuan")).replace(QStringLiteral("亩"), QStringLiteral("mu"));
    unit.replace(QStringLiteral("天"), QStringLiteral("days")).replace(QStringLiteral("幢"), QString()).replace(QStringLiteral("家"), QString());
    unit.replace(QStringLiteral("人"), QStringLiteral("people")).replace(QStringLiteral("年"), QStringLiteral("years"));
    unit.replace(QStringLiteral("公顷"), QStringLiteral("ha")).replace(QStringLiteral("吨标煤"), QStringLiteral("tce"));
    unit.replace(QStringLiteral("宗"), QString());
  }
  if (!unit.isEmpty() && a.unit != "0–1" && a.unit != "0/1") label += QStringLiteral(" (%1)").arg(unit);
  return label;
}

}  // namespace

void IdentifyPanel::add_attributes(QTreeWidgetItem* parent, const std::vector<Attribute>& attrs, const QString& section) {
  for (const Attribute& a : attrs) {
    const QString value = m_themes ? shown_value(*m_themes, a.column, a.unit, a.value) : QString::fromStdString(a.value);
    auto* item = new QTreeWidgetItem(parent, {label_of(a), value});
    item->setData(0, kColumnRole, QString::fromStdString(a.column));
    item->setData(0, kSectionRole, section);
    item->setToolTip(0, QString::fromStdString(a.column));
    item->setToolTip(1, value);
  }
}

IdentifyPanel::IdentifyPanel(const std::vector<style::Theme>* themes, QWidget* parent)
    : QTreeWidget(parent), m_themes(themes) {
  setColumnCount(2);
  setUniformRowHeights(true);
  setAlternatingRowColors(true);
  header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  setContextMenuPolicy(Qt::CustomContextMenu);
  connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
    if (!itemAt(at)) return;
    setCurrentItem(itemAt(at));
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    connect(menu->addAction(tr("Copy value")), &QAction::triggered, this, &IdentifyPanel::copy_value);
    connect(menu->addAction(tr("Copy field and value")), &QAction::triggered, this, &IdentifyPanel::copy_row);
    connect(menu->addAction(tr("Copy the whole section")), &QAction::triggered, this, &IdentifyPanel::copy_section);
    menu->popup(viewport()->mapToGlobal(at));
  });
  auto* copy = new QAction(this);
  copy->setShortcut(QKeySequence::Copy);
  copy->setShortcutContext(Qt::WidgetShortcut);
  connect(copy, &QAction::triggered, this, &IdentifyPanel::copy_value);
  addAction(copy);
  rebuild();
}

void IdentifyPanel::copy_value() const {
  if (const QTreeWidgetItem* i = currentItem()) QGuiApplication::clipboard()->setText(i->text(1).isEmpty() ? i->text(0) : i->text(1));
}

void IdentifyPanel::copy_row() const {
  if (const QTreeWidgetItem* i = currentItem())
    QGuiApplication::clipboard()->setText(i->text(1).isEmpty() ? i->text(0) : i->text(0) + QLatin1Char('\t') + i->text(1));
}

void IdentifyPanel::copy_section() const {
  const QTreeWidgetItem* i = currentItem();
  if (!i) return;
  const QTreeWidgetItem* section = i->childCount() ? i : (i->parent() ? i->parent() : i);
  QStringList lines{section->text(0)};
  for (int k = 0; k < section->childCount(); ++k)
    lines << section->child(k)->text(0) + QLatin1Char('\t') + section->child(k)->text(1);
  QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

void IdentifyPanel::set_changes(std::shared_ptr<const render::ChangeSet> changes) {
  m_changes = std::move(changes);
  rebuild();
}

void IdentifyPanel::add_changes(const std::string& parcel_id) {
  auto* section = new QTreeWidgetItem(this, {tr("Changes %1").arg(QString::fromStdString(m_changes->span.text()))});
  std::vector<Attribute> attrs;
  if (const std::vector<store::Value>* row = m_changes->row_of(parcel_id)) {
    for (std::size_t i = 0; i < m_changes->fields.size() && i < row->size(); ++i) {
      const exporter::OutField& f = m_changes->fields[i];
      if (f.name == "parcel_id") continue;
      attrs.push_back({f.name, f.label.zh, f.label.unit, format_value((*row)[i], f.label.unit), f.label.en});
    }
  } else {
    const exporter::FieldLabel l = exporter::field_label("change");
    attrs.push_back({"change", l.zh, "", tr("No change").toStdString(), l.en});
  }
  add_attributes(section, attrs, QStringLiteral("changes"));
  QFont f = section->font(0);
  f.setBold(true);
  section->setFont(0, f);
  section->setFirstColumnSpanned(true);
  section->setExpanded(true);
}

void IdentifyPanel::show_parcel(const std::optional<ParcelInfo>& info) {
  m_info = info;
  rebuild();
}

void IdentifyPanel::rebuild() {
  clear();
  setHeaderLabels({tr("Field"), tr("Value")});
  if (!m_info) {
    auto* hint = new QTreeWidgetItem(this, {tr("Click a parcel on the map")});
    hint->setFirstColumnSpanned(true);
    return;
  }
  const ParcelInfo& p = *m_info;
  if (m_changes) add_changes(p.parcel_id);
  auto* metrics = new QTreeWidgetItem(this, {tr("Parcel %1: metrics").arg(QString::fromStdString(p.parcel_id))});
  add_attributes(metrics, p.metrics, QStringLiteral("metrics"));
  auto* source = new QTreeWidgetItem(this, {tr("Parcel as imported")});
  add_attributes(source, p.source, QStringLiteral("source"));
  auto* buildings = new QTreeWidgetItem(this, {tr("Buildings (%1)").arg(p.buildings.size())});
  int n = 0;
  for (const std::vector<Attribute>& b : p.buildings) {
    QString id;
    for (const Attribute& a : b)
      if (a.column == "building_id") id = QString::fromStdString(a.value);
    auto* item = new QTreeWidgetItem(buildings, {tr("Building %1").arg(id.isEmpty() ? QString::number(++n) : id)});
    add_attributes(item, b, QStringLiteral("building"));
  }
  auto* firm = new QTreeWidgetItem(this, {p.enterprise.empty() ? tr("Enterprise: none") : tr("Enterprise")});
  add_attributes(firm, p.enterprise, QStringLiteral("enterprise"));
  // Holder and tenants with their shares of the land (rented parcels only).
  auto* shares = new QTreeWidgetItem(this, {tr("Holder and tenants (%1)").arg(p.tenancies.size())});
  for (const std::vector<Attribute>& t : p.tenancies) {
    QString name, role;
    for (const Attribute& a : t) {
      if (a.column == "enterprise_name" || (a.column == "enterprise_id" && name.isEmpty())) name = QString::fromStdString(a.value);
      if (a.column == "role") role = a.value == "tenant" ? tr("Tenant") : tr("Holder");
    }
    auto* item = new QTreeWidgetItem(shares, {QStringLiteral("%1: %2").arg(role, name)});
    add_attributes(item, t, QStringLiteral("tenancy"));
  }
  if (p.tenancies.empty()) delete shares;
  for (QTreeWidgetItem* top : {metrics, source, buildings, firm}) {
    top->setFirstColumnSpanned(true);
    QFont f = top->font(0);
    f.setBold(true);
    top->setFont(0, f);
  }
  metrics->setExpanded(true);
  buildings->setExpanded(true);
  firm->setExpanded(true);
  if (!p.tenancies.empty()) {
    shares->setFirstColumnSpanned(true);
    QFont f = shares->font(0);
    f.setBold(true);
    shares->setFont(0, f);
    shares->setExpanded(true);
  }
}

QString IdentifyPanel::value(const QString& section, const QString& column) const {
  QTreeWidgetItemIterator it(const_cast<IdentifyPanel*>(this));
  for (; *it; ++it)
    if ((*it)->data(0, kSectionRole).toString() == section && (*it)->data(0, kColumnRole).toString() == column)
      return (*it)->text(1);
  return {};
}

void IdentifyPanel::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) rebuild();
  QTreeWidget::changeEvent(e);
}

}  // namespace parkgis::viewer
