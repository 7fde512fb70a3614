// The SQLite store on its own: the epoch, refusing files that are not its database.
#include <gtest/gtest.h>

#include <fstream>

#include "server/sqlite_store.h"
#include "tests/server/server_test_util.h"

namespace swivel::server::testing {
namespace {

TEST(ServerStore, EpochIsMadeWithTheDatabaseAndKeptAcrossOpens) {
  TempDir a, b;
  std::string first;
  {
    auto store = SqliteStore::Open(a.path());
    first = store->Epoch();
    EXPECT_EQ(first.size(), 16u);
  }
  EXPECT_EQ(SqliteStore::Open(a.path())->Epoch(), first);
  EXPECT_NE(SqliteStore::Open(b.path())->Epoch(), first) << "a new database, a new epoch";
}

TEST(ServerStore, RefusesAFileThatIsNotItsDatabase) {
  TempDir dir;
  std::ofstream(dir.path() / "syncd.db") << "not a database at all, just text\n";
  try {
    SqliteStore::Open(dir.path());
    FAIL() << "opened a text file";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("not a swivel-syncd database"), std::string::npos)
        << e.what();
  }
}

TEST(ServerStore, AnIdLivesInOneAccountOnly) {
  TempDir dir;
  auto store = SqliteStore::Open(dir.path());
  const AccountId a = *store->CreateAccount("anna", "h", 0);
  const AccountId b = *store->CreateAccount("bea", "h", 0);
  EXPECT_FALSE(store->CreateAccount("anna", "h", 0)) << "a taken name";
  {
    auto txn = store->BeginSync(a);
    txn->Put(RecordWrite{1, Id(1), "d", false, "x", std::nullopt});
    txn->Commit();
  }
  auto txn = store->BeginSync(b);
  EXPECT_TRUE(txn->IdInOtherAccount(Id(1)));
  EXPECT_FALSE(txn->Get(Id(1)));
  EXPECT_THROW(txn->Put(RecordWrite{1, Id(1), "d", false, "y", std::nullopt}), StoreError)
      << "the schema itself refuses a second account";
}

TEST(ServerStore, UncommittedSyncTransactionLeavesNoTrace) {
  TempDir dir;
  auto store = SqliteStore::Open(dir.path());
  const AccountId a = *store->CreateAccount("anna", "h", 0);
  {
    auto txn = store->BeginSync(a);
    txn->Put(RecordWrite{1, Id(1), "d", false, "x", std::nullopt});
    EXPECT_EQ(txn->Sequence(), 1u);
  }  // destroyed without Commit
  auto txn = store->BeginSync(a);
  EXPECT_EQ(txn->Sequence(), 0u);
  EXPECT_FALSE(txn->Get(Id(1)));
}

}  // namespace
}  // namespace swivel::server::testing
