#include "app/viewer/start_page.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include "libgis/core/data_paths.h"

namespace parkgis::viewer {

StartPage::StartPage(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("start_page"));
  auto* outer = new QHBoxLayout(this);
  auto* column = new QVBoxLayout;
  outer->addStretch(1);
  outer->addLayout(column, 2);
  outer->addStretch(1);
  m_title = new QLabel(this);
  QFont f = m_title->font();
  f.setPointSizeF(f.pointSizeF() * 1.6);
  f.setBold(true);
  m_title->setFont(f);
  m_hint = new QLabel(this);
  m_hint->setWordWrap(true);
  m_open_db = new QPushButton(this);
  m_open_folder = new QPushButton(this);
  m_sample_button = new QPushButton(this);
  m_recent_label = new QLabel(this);
  m_recent = new QListWidget(this);
  m_recent->setMaximumHeight(220);
  column->addStretch(1);
  column->addWidget(m_title);
  column->addWidget(m_hint);
  column->addSpacing(12);
  for (QPushButton* b : {m_open_db, m_open_folder, m_sample_button}) {
    b->setMinimumHeight(34);
    column->addWidget(b);
  }
  column->addSpacing(12);
  column->addWidget(m_recent_label);
  column->addWidget(m_recent);
  column->addStretch(2);

  connect(m_open_db, &QPushButton::clicked, this, &StartPage::open_database_requested);
  connect(m_open_folder, &QPushButton::clicked, this, &StartPage::open_folder_requested);
  connect(m_sample_button, &QPushButton::clicked, this, [this] {
    if (!m_sample.isEmpty()) emit open_path_requested(m_sample);
  });
  connect(m_recent, &QListWidget::itemActivated, this,
          [this](QListWidgetItem* item) { emit open_path_requested(item->data(Qt::UserRole).toString()); });
  refresh();
}

void StartPage::refresh() {
  const QString sample = QString::fromStdString(sample_dataset_dir().string());
  m_sample = QFileInfo(sample).isDir() ? QFileInfo(sample).absoluteFilePath() : QString();
  m_recent->clear();
  for (const QString& path : QSettings().value(QStringLiteral("recent")).toStringList()) {
    auto* item = new QListWidgetItem(QFileInfo(path).fileName() + QStringLiteral("   ") + path, m_recent);
    item->setData(Qt::UserRole, path);
    item->setToolTip(path);
  }
  retranslate();
}

void StartPage::retranslate() {
  m_title->setText(tr("parkgis viewer"));
  m_hint->setText(tr("No database is open. Open a parkgis database, or a dataset folder (it is imported and "
                     "analysed into a new database), or try the bundled sample."));
  m_open_db->setText(tr("Open database…"));
  m_open_folder->setText(tr("Open dataset folder (import and analyse)…"));
  m_sample_button->setText(m_sample.isEmpty() ? tr("The bundled sample is not installed")
                                              : tr("Open the bundled sample (宁德小微园)"));
  m_sample_button->setEnabled(!m_sample.isEmpty());
  m_recent_label->setText(m_recent->count() ? tr("Recent files (double-click to open)") : tr("No recent files"));
  m_recent->setVisible(m_recent->count() > 0);
}

void StartPage::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(e);
}

}  // namespace parkgis::viewer
