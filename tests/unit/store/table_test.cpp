// Values as the store hands them out: numbers from reals, integers and numeric text.
#include <gtest/gtest.h>

#include "libgis/store/table.h"

using parkgis::store::Value;
using parkgis::store::value_number;

TEST(StoreValue, NumberFromEveryNumericForm) {
  EXPECT_EQ(value_number(Value{2.5}), 2.5);
  EXPECT_EQ(value_number(Value{std::int64_t{7}}), 7.0);
  EXPECT_EQ(value_number(Value{std::string("12.25")}), 12.25);
  EXPECT_FALSE(value_number(Value{std::string("12万")}).has_value());
  EXPECT_FALSE(value_number(Value{std::string("")}).has_value());
  EXPECT_FALSE(value_number(Value{}).has_value());
}
