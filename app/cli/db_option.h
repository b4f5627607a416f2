#pragma once
// --db and --schema of a command: the database (a SpatiaLite file or a PostgreSQL connection) and the
// form to show in messages (never with a password).

#include <memory>
#include <optional>
#include <string>

#include "app/cli/args.h"
#include "libgis/core/dates.h"
#include "libgis/history/dated_view.h"
#include "libgis/store/location.h"
#include "libgis/store/store.h"

namespace parkgis::cli {

struct DbOption {
  std::string db;       // as given to --db (may hold a password: pass it on, never print it)
  std::string schema;   // --schema ("" = the default)
  std::string display;  // for messages
  std::unique_ptr<store::Store> open() const { return store::open_store(db, schema); }
  // The evaluation of `as_of` (none = the latest), as readers see it (history/dated_view.h).
  std::unique_ptr<store::Store> open_as_of(const std::optional<Date>& as_of) const {
    return history::open_evaluation(db, as_of, schema);
  }
};

// --db (or `fallback` when absent and not empty; else UsageError) and --schema, checked.
inline DbOption db_option(const Args& args, const std::string& fallback = "") {
  DbOption o;
  o.db = fallback.empty() ? args.require("--db") : args.get("--db").value_or(fallback);
  o.schema = args.get("--schema").value_or("");
  o.display = store::parse_location(o.db, o.schema).display;
  return o;
}

}  // namespace parkgis::cli
