// Online backup while writes happen, restore under a new epoch with stamps kept, and the
// re-seed that follows.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "server/backup.h"
#include "server/crypto.h"
#include "server/data_dir.h"
#include "server/hex.h"
#include "tests/server/server_test_util.h"

namespace swivel::server::testing {
namespace {

namespace fs = std::filesystem;
using sync::PushResult;

int64_t QueryInt(const fs::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  int64_t value = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

TEST(ServerBackup, BackupWhileWritesHappenIsOneConsistentSnapshot) {
  ServerHarness h;
  auto s = h.SignIn("anna");
  constexpr uint32_t kWrites = 150;
  std::mutex mutex;
  std::condition_variable cv;
  uint32_t written = 0;
  std::thread writer([&] {
    for (uint32_t i = 1; i <= kWrites; ++i) {
      // Two records a sync: a snapshot must hold both or neither.
      auto reply = h.Sync(s, {Contact(Id(2 * i), "a"), Note(Id(2 * i + 1), "b")});
      ASSERT_TRUE(reply.ok());
      std::lock_guard lock(mutex);
      written = i;
      cv.notify_all();
    }
  });
  {
    std::unique_lock lock(mutex);
    cv.wait(lock, [&] { return written >= 20; });
  }
  TempDir dest;
  auto summary = Backup(h.dir(), dest.path() / "b");
  writer.join();

  const fs::path copy = dest.path() / "b" / "syncd.db";
  const int64_t records = QueryInt(copy, "SELECT count(*) FROM records");
  EXPECT_EQ(summary.records, records);
  EXPECT_GE(records, 40);
  EXPECT_EQ(records % 2, 0) << "a Sync's records land together or not at all";
  EXPECT_EQ(QueryInt(copy, "SELECT sequence FROM accounts"), records);
  EXPECT_EQ(QueryInt(copy, "SELECT max(feed_sequence) FROM records"), records);
  // Records 1..n of the writes, no gaps.
  EXPECT_EQ(QueryInt(copy, "SELECT count(DISTINCT feed_sequence) FROM records"), records);
  EXPECT_EQ(summary.epoch, h.store().Epoch());
  EXPECT_EQ(summary.accounts, 1);
  // The backup is one self-contained file that opens as a swivel-syncd database.
  EXPECT_FALSE(fs::exists(dest.path() / "b" / "syncd.db-wal"));
  auto reopened = SqliteStore::Open(dest.path() / "b");
  EXPECT_EQ(reopened->Epoch(), h.store().Epoch());
}

TEST(ServerBackup, BackupCopiesAndChecksBlobs) {
  ServerHarness h;
  auto s = h.SignIn("anna");
  const std::string bytes(100000, 'q');
  ASSERT_TRUE(h.Upload(s, bytes)->complete());
  ASSERT_TRUE(h.Upload(s, "half", 2, 0, 2).ok());  // a partial upload is not backed up
  TempDir dest;
  auto summary = Backup(h.dir(), dest.path() / "b");
  EXPECT_EQ(summary.blobs, 1);
  EXPECT_EQ(summary.blob_bytes, bytes.size());
  EXPECT_EQ(fs::file_size(dest.path() / "b" / "blobs" / Hex(Sha256Of(bytes))), bytes.size());

  // A damaged blob fails the backup loudly.
  {
    std::FILE* f = std::fopen((h.dir() / "blobs" / Hex(Sha256Of(bytes))).c_str(), "r+b");
    ASSERT_TRUE(f);
    std::fputc('Z', f);
    std::fclose(f);
  }
  try {
    Backup(h.dir(), dest.path() / "c");
    FAIL() << "a damaged blob was backed up";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("damaged"), std::string::npos) << e.what();
  }
  // And a backup never lands on existing data.
  EXPECT_THROW(Backup(h.dir(), dest.path() / "b"), StoreError);
}

TEST(ServerBackup, RestoreMakesANewEpochKeepsStampsAndDevicesReseed) {
  TempDir backup;
  std::string old_epoch;
  std::vector<sync::Record> phone_holds;  // what the phone holds, with its base stamps
  fs::path data;
  auto harness = std::make_unique<ServerHarness>();
  ServerHarness& h = *harness;
  auto phone = h.SignIn("anna", "phone");
  old_epoch = h.store().Epoch();
  // 20 contacts, then a backup, then 10 more, 3 edits and 2 deletes the backup lacks.
  std::vector<sync::Record> first;
  for (uint32_t i = 1; i <= 20; ++i) first.push_back(Contact(Id(i), "c" + std::to_string(i)));
  auto r1 = h.Sync(phone, first);
  for (int i = 0; i < 20; ++i) phone_holds.push_back(WithBase(first[static_cast<size_t>(i)], r1->pushed(i).stamp()));
  const std::string bytes = "photo bytes";
  ASSERT_TRUE(h.Upload(phone, bytes)->complete());
  auto photo = h.Sync(phone, {Photo(Id(99), Sha256Of(bytes), bytes.size())});
  phone_holds.push_back(WithBase(Photo(Id(99), Sha256Of(bytes), bytes.size()), photo->pushed(0).stamp()));
  Backup(h.dir(), backup.path() / "b");

  std::vector<sync::Record> later;
  for (uint32_t i = 21; i <= 30; ++i) later.push_back(Contact(Id(i), "c" + std::to_string(i)));
  for (uint32_t i = 1; i <= 3; ++i)
    later.push_back(WithBase(Contact(Id(i), "edited " + std::to_string(i), 2), phone_holds[i - 1].stamp()));
  for (uint32_t i = 4; i <= 5; ++i)
    later.push_back(WithBase(Contact(Id(i), "", 2, true), phone_holds[i - 1].stamp()));
  auto r2 = h.Sync(phone, later);
  for (int i = 0; i < r2->pushed_size(); ++i) {
    ASSERT_EQ(r2->pushed(i).outcome(), PushResult::OUTCOME_STORED);
    const auto& rec = later[static_cast<size_t>(i)];
    const uint32_t n = static_cast<uint32_t>(i) < 10 ? 21 + static_cast<uint32_t>(i) : static_cast<uint32_t>(i) - 9;
    auto held = WithBase(rec, r2->pushed(i).stamp());
    if (n <= 5) phone_holds[n - 1] = held;
    else phone_holds.push_back(held);
  }
  const uint64_t sequence_before = r2->sequence();
  const Session phone_state = phone;

  // The server is stopped and restored from the older backup.
  data = h.dir();
  TempDir keep;  // the harness's dir goes with it: restore into a copy of the path
  fs::copy(data, keep.path() / "data", fs::copy_options::recursive);
  harness.reset();
  const fs::path dir = keep.path() / "data";
  {
    auto lock = DataDirLock::TryLock(dir);
    ASSERT_TRUE(lock);
    try {
      Restore(backup.path() / "b", dir);
      FAIL() << "restored under a running server";
    } catch (const StoreError& e) {
      EXPECT_NE(std::string(e.what()).find("stop it first"), std::string::npos) << e.what();
    }
  }
  auto summary = Restore(backup.path() / "b", dir);
  EXPECT_NE(summary.epoch, old_epoch);
  EXPECT_EQ(summary.records, 21);

  auto store = SqliteStore::Open(dir);
  EXPECT_EQ(store->Epoch(), summary.epoch);
  ServerOptions options = ServerHarness::TestOptions();
  SyncServer server(*store, dir, options);
  {
    // Stamps survived the restore: record 1 still carries its old-epoch stamp.
    auto txn = store->BeginSync(1);
    auto one = txn->Get(Id(1));
    ASSERT_TRUE(one);
    EXPECT_EQ(one->stamp.epoch, old_epoch);
    EXPECT_EQ(one->stamp.sequence, 1u);
    EXPECT_LT(txn->Sequence(), sequence_before);
  }

  // The phone's token is still known (devices were in the backup); its epoch is not.
  sync::SyncRequest request;
  request.set_epoch(phone_state.epoch);
  request.set_anchor(phone_state.anchor);
  auto reply = server.Sync(phone_state.token, request, "t");
  ASSERT_TRUE(reply.ok()) << reply.status().message();
  EXPECT_TRUE(reply->reseed_needed());
  // Re-seed: everything the phone holds, tombstones included, under the new epoch.
  sync::SyncRequest reseed;
  reseed.set_epoch(reply->epoch());
  reseed.set_anchor(0);
  for (const auto& r : phone_holds) *reseed.add_push() = r;
  auto merged = server.Sync(phone_state.token, reseed, "t");
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  std::map<int, int> outcomes;
  for (const auto& p : merged->pushed()) ++outcomes[p.outcome()];
  EXPECT_EQ(outcomes[PushResult::OUTCOME_CONFLICT], 0) << "newer versions of the same lineage";
  EXPECT_EQ(outcomes[PushResult::OUTCOME_STORED], 15) << "10 new, 3 edits, 2 deletes";
  EXPECT_EQ(outcomes[PushResult::OUTCOME_UNCHANGED], 16) << "what the backup had";

  // A second device sees every record once, the edits and the tombstones.
  sync::SignInRequest in;
  in.set_account("anna");
  in.set_password("correct horse");
  auto tablet = server.SignIn(in, "t");
  ASSERT_TRUE(tablet.ok());
  sync::SyncRequest pull;
  pull.set_max_records(1000);
  auto all = server.Sync(tablet->token(), pull, "t");
  std::set<std::string> ids;
  int deleted = 0;
  for (const auto& r : all->pulled()) {
    ids.insert(r.id());
    deleted += r.deleted();
    if (r.id() == Id(2)) {
      EXPECT_EQ(r.payload(), Contact(Id(2), "edited 2", 2).payload());
    }
  }
  EXPECT_EQ(all->pulled_size(), 31);
  EXPECT_EQ(ids.size(), 31u);
  EXPECT_EQ(deleted, 2);
  EXPECT_FALSE(all->more());
}

}  // namespace
}  // namespace swivel::server::testing

namespace swivel::server::testing {
namespace {

// After a restore, three devices hold one record at three points of its history: the
// server has v1 (from the backup), the laptop v2, the tablet v3 (the newest, acknowledged
// before the server lost it). The laptop re-seeds first.
struct ThreeCopies {
  ServerHarness h;
  TempDir backup, restored;
  Session laptop, tablet;
  sync::Record laptop_copy, tablet_copy;  // with their base stamps
  std::unique_ptr<SqliteStore> store;
  std::unique_ptr<SyncServer> server;

  ThreeCopies() {
    auto phone = h.SignIn("anna", "phone");
    laptop = h.SignIn("anna", "laptop");
    tablet = h.SignIn("anna", "tablet");
    auto v1 = h.Sync(phone, {Contact(Id(1), "v1", 1)});
    Backup(h.dir(), backup.path() / "b");
    auto v2 = h.Sync(phone, {WithBase(Contact(Id(1), "v2", 2), v1->pushed(0).stamp())});
    laptop_copy = h.PullAll(laptop).at(0);
    auto v3 = h.Sync(phone, {WithBase(Contact(Id(1), "v3", 3), v2->pushed(0).stamp())});
    tablet_copy = h.PullAll(tablet).at(0);
    fs::copy(h.dir(), restored.path() / "d", fs::copy_options::recursive);
    Restore(backup.path() / "b", restored.path() / "d");
    store = SqliteStore::Open(restored.path() / "d");
    server = std::make_unique<SyncServer>(*store, restored.path() / "d",
                                          ServerHarness::TestOptions());
  }
  Result<sync::SyncReply> Reseed(const Session& device, sync::Record record, bool unchanged) {
    record.set_base_unchanged(unchanged);
    sync::SyncRequest request;
    request.set_epoch(store->Epoch());
    *request.add_push() = record;
    return server->Sync(device.token, request, "t");
  }
};

TEST(ServerReseed, UnchangedRecordsKeepTheirStampsSoTheNewestCopyWins) {
  ThreeCopies c;
  auto laptop = c.Reseed(c.laptop, c.laptop_copy, true);
  ASSERT_TRUE(laptop.ok()) << laptop.status().message();
  EXPECT_EQ(laptop->pushed(0).outcome(), PushResult::OUTCOME_STORED);
  EXPECT_EQ(laptop->pushed(0).stamp().SerializeAsString(),
            c.laptop_copy.stamp().SerializeAsString())
      << "stored as the version it is, not as a new one";
  auto tablet = c.Reseed(c.tablet, c.tablet_copy, true);
  EXPECT_EQ(tablet->pushed(0).outcome(), PushResult::OUTCOME_STORED) << "v2 is an ancestor of v3";
  EXPECT_EQ(tablet->pushed(0).stamp().SerializeAsString(),
            c.tablet_copy.stamp().SerializeAsString());
  // The laptop pulls v3, stamped as a descendant of what it holds.
  sync::SyncRequest pull;
  pull.set_epoch(c.store->Epoch());
  auto pulled = c.server->Sync(c.laptop.token, pull, "t");
  ASSERT_EQ(pulled->pulled_size(), 1);
  EXPECT_EQ(pulled->pulled(0).payload(), Contact(Id(1), "v3", 3).payload());
  // Re-seeding the stale copy again now meets a newer version: a conflict whose merge
  // (base = the laptop's unchanged copy) takes v3.
  auto stale = c.Reseed(c.laptop, c.laptop_copy, true);
  EXPECT_EQ(stale->pushed(0).outcome(), PushResult::OUTCOME_CONFLICT);
  EXPECT_EQ(stale->pushed(0).current().payload(), Contact(Id(1), "v3", 3).payload());
}

TEST(ServerReseed, WithoutBaseUnchangedAStaleCopyReseededFirstHidesTheNewest) {
  // Why base_unchanged exists: without it the laptop's stale v2 becomes a new version, and
  // the tablet's v3 meets it as a conflict in which v2 looks like the newer change.
  ThreeCopies c;
  EXPECT_EQ(c.Reseed(c.laptop, c.laptop_copy, false)->pushed(0).outcome(),
            PushResult::OUTCOME_STORED);
  auto tablet = c.Reseed(c.tablet, c.tablet_copy, false);
  EXPECT_EQ(tablet->pushed(0).outcome(), PushResult::OUTCOME_CONFLICT);
  EXPECT_EQ(tablet->pushed(0).current().payload(), Contact(Id(1), "v2", 2).payload());
}

}  // namespace
}  // namespace swivel::server::testing
