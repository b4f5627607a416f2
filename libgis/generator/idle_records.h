#pragma once
// The records an idle-land procedure leaves on a parcel (Order 53, Art. 9-14): a 闲置土地认定书 number
// (decision_no), the disposal chosen (处置方式: 征缴闲置费, 无偿收回, 延期, 置换, 改变用途, 临时使用,
// 协议收回) and, once it is done, its date. Only some idle parcels have them, as in practice, where the
// survey finds more suspected idle land than has been decided. Also the approvals' final dates (never
// after the first supply of land inside them) and their numbers (闽政地〔YYYY〕N号).

#include "libgis/generator/date_drawer.h"
#include "libgis/generator/plan.h"
#include "libgis/generator/random.h"

namespace parkgis::generator {

// Needs the parcels' situations and dates.
void add_idle_records(Plan& plan, DateDrawer& dd, Rng& rng);

// Moves an approval's date back when land inside it was supplied earlier, then numbers the approvals.
void settle_approvals(Plan& plan, DateDrawer& dd, Rng& rng);

}  // namespace parkgis::generator
