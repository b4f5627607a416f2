#include "app/viewer/changes_theme_bar.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

#include "app/viewer/data_service.h"
#include "libgis/store/store.h"

namespace parkgis::viewer {

namespace {

QString iso(const Date& d) { return QString::fromStdString(d.iso()); }

std::optional<Date> item_date(const QComboBox* combo) {
  if (combo->currentIndex() < 0) return std::nullopt;
  return parse_date(combo->currentData().toString().toStdString());
}

}  // namespace

ChangesThemeBar::ChangesThemeBar(DataService* service, QWidget* parent) : QWidget(parent), m_data(service) {
  setObjectName(QStringLiteral("changes_theme_bar"));
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(6, 0, 6, 0);
  m_from_label = new QLabel(this);
  m_from = new QComboBox(this);
  m_from->setObjectName(QStringLiteral("changes_from"));
  m_to_label = new QLabel(this);
  m_to = new QComboBox(this);
  m_to->setObjectName(QStringLiteral("changes_to"));
  for (QWidget* w : {static_cast<QWidget*>(m_from_label), static_cast<QWidget*>(m_from), static_cast<QWidget*>(m_to_label),
                     static_cast<QWidget*>(m_to)})
    row->addWidget(w);
  connect(m_from, &QComboBox::activated, this, [this] {
    fill_to(item_date(m_to));
    span_chosen();
  });
  connect(m_to, &QComboBox::activated, this, [this] { span_chosen(); });
  retranslate();
}

void ChangesThemeBar::retranslate() {
  m_from_label->setText(tr("Changes from"));
  m_to_label->setText(tr("to"));
  const QString tip = tr("The changes theme compares the evaluations of these two dates");
  m_from->setToolTip(tip);
  m_to->setToolTip(tip);
}

void ChangesThemeBar::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(e);
}

void ChangesThemeBar::set_evaluations(std::vector<Date> dates) {
  const std::optional<render::ChangeSpan> before = span();
  m_dates = std::move(dates);
  {
    const QSignalBlocker block(m_from);
    m_from->clear();
    // 从: every evaluation but the latest (a later one must follow it).
    for (std::size_t i = 0; i + 1 < m_dates.size(); ++i) m_from->addItem(iso(m_dates[i]), iso(m_dates[i]));
    const int keep = before ? m_from->findData(iso(before->from)) : -1;
    m_from->setCurrentIndex(keep >= 0 ? keep : m_from->count() - 1);  // default: the second latest
  }
  fill_to(before ? std::optional<Date>(before->to) : std::nullopt);
  m_changes.reset();  // a database was (re)opened: its changes are read again
  emit available_changed(available());
  emit visible_wanted(m_active && available());
  if (m_active) span_chosen();
}

void ChangesThemeBar::fill_to(const std::optional<Date>& keep) {
  const QSignalBlocker block(m_to);
  const std::optional<Date> from = item_date(m_from);
  m_to->clear();
  for (const Date& d : m_dates)
    if (from && *from < d) m_to->addItem(iso(d), iso(d));
  const int k = keep ? m_to->findData(iso(*keep)) : -1;
  m_to->setCurrentIndex(k >= 0 ? k : m_to->count() - 1);  // default: the latest
}

std::optional<render::ChangeSpan> ChangesThemeBar::span() const {
  const std::optional<Date> from = item_date(m_from), to = item_date(m_to);
  if (!from || !to) return std::nullopt;
  return render::ChangeSpan{*from, *to};
}

void ChangesThemeBar::choose(const Date& from, const Date& to) {
  const int f = m_from->findData(iso(from));
  if (f < 0) return;
  m_from->setCurrentIndex(f);
  fill_to(to);
  if (m_to->findData(iso(to)) < 0) return;
  span_chosen();
}

void ChangesThemeBar::set_active(bool active) {
  const bool was = m_active;
  m_active = active;
  emit visible_wanted(m_active && available());
  if (m_active) span_chosen();
  else if (was) emit changes_shown(nullptr);
}

void ChangesThemeBar::span_chosen() {
  if (!m_active) return;
  const std::optional<render::ChangeSpan> want = span();
  if (!want) {
    m_changes.reset();
    emit changes_shown(nullptr);
    return;
  }
  if (m_changes && m_changes->span == *want) {
    emit changes_shown(m_changes);
    return;
  }
  const render::ChangeSpan s = *want;
  using SetPtr = std::shared_ptr<const render::ChangeSet>;
  m_data->post<SetPtr>(
      [s](store::Store& view) {
        // The two evaluations are read from the database itself, not from the evaluation shown.
        const std::unique_ptr<store::Store> base = store::open_store(view.location());
        return render::load_change_set(*base, s);
      },
      this,
      [this](SetPtr set) {
        const std::optional<render::ChangeSpan> now = span();
        if (!set || !now || set->span != *now) return;  // another span was chosen meanwhile
        m_changes = std::move(set);
        if (m_active) emit changes_shown(m_changes);
      },
      "changes");
}

}  // namespace parkgis::viewer
