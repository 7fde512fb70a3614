#include "apps/settings/settings_text.h"

#include <gtest/gtest.h>

namespace swivel::apps {
namespace {

TEST(SettingsText, LastSyncNeverThenTheDayAndTime) {
  const auto format = os::text::Formatter::Create("en_US", "UTC");
  ASSERT_TRUE(format);
  const int64_t noon = 1'700'000'000'000;  // 2023-11-14 22:13:20 UTC
  EXPECT_EQ(LastSyncLine(0, noon, format.get()), "Last sync: never");
  EXPECT_EQ(LastSyncLine(noon - 60'000, noon, format.get()), "Last sync: Today 10:12\u202fPM");
  EXPECT_EQ(LastSyncLine(noon - 86'400'000, noon, format.get()), "Last sync: Yesterday 10:13\u202fPM");
  EXPECT_EQ(LastSyncLine(noon - 600'000, noon, nullptr), "Last sync: 10 min ago");
}

TEST(SettingsText, PendingChangesCounted) {
  EXPECT_EQ(PendingLine(0), "Pending changes: none");
  EXPECT_EQ(PendingLine(1), "Pending changes: 1 record");
  EXPECT_EQ(PendingLine(12), "Pending changes: 12 records");
}

TEST(SettingsText, HeldDeletesByType) {
  os::sync::HeldCounts held{{swivel::sync::RECORD_TYPE_CONTACT, 10},
                            {swivel::sync::RECORD_TYPE_NOTE, 1},
                            {swivel::sync::RECORD_TYPE_TASK, 0}};
  EXPECT_EQ(HeldLine(held), "11 deletes from the server wait: 10 contacts, 1 note");
}

}  // namespace
}  // namespace swivel::apps
