#include "server/sqlite_util.h"

#include <utility>

namespace swivel::server::sqlite {

Db::Db(const std::string& path, int flags) {
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_EXRESCODE, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    Close();
    throw StoreError("cannot open " + path + ": " + message);
  }
}

Db::~Db() { Close(); }

Db& Db::operator=(Db&& other) noexcept {
  if (this != &other) {
    Close();
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

void Db::Close() {
  if (db_) sqlite3_close_v2(db_);
  db_ = nullptr;
}

void Db::Exec(const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw StoreError("sqlite: " + message + " (in: " + sql.substr(0, 60) + ")");
  }
}

void Db::Check(int rc, std::string_view what) const {
  const int primary = rc & 0xff;
  if (primary == SQLITE_OK || primary == SQLITE_ROW || primary == SQLITE_DONE) return;
  throw StoreError("sqlite: " + std::string(what) + ": " + sqlite3_errmsg(db_));
}

Stmt::Stmt(const Db& db, const char* sql) : db_(db.get()) {
  db.Check(sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr),
           sql);
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt::Stmt(Stmt&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

namespace {
[[noreturn]] void Fail(sqlite3* db, sqlite3_stmt* stmt) {
  throw StoreError(std::string("sqlite: ") + sqlite3_errmsg(db) + " (in: " +
                   std::string(sqlite3_sql(stmt)).substr(0, 60) + ")");
}
}  // namespace

Stmt::Use::~Use() {
  sqlite3_reset(stmt_.stmt_);
  sqlite3_clear_bindings(stmt_.stmt_);
}

Stmt::Use& Stmt::Use::Int(int index, int64_t value) {
  if (sqlite3_bind_int64(stmt_.stmt_, index, value) != SQLITE_OK) Fail(stmt_.db_, stmt_.stmt_);
  return *this;
}

Stmt::Use& Stmt::Use::Blob(int index, std::string_view value) {
  // A zero-length blob must still be a blob, not NULL: bind a valid pointer.
  static const char kEmpty = 0;
  const char* data = value.empty() ? &kEmpty : value.data();
  if (sqlite3_bind_blob64(stmt_.stmt_, index, data, value.size(), SQLITE_TRANSIENT) !=
      SQLITE_OK)
    Fail(stmt_.db_, stmt_.stmt_);
  return *this;
}

Stmt::Use& Stmt::Use::Text(int index, std::string_view value) {
  if (sqlite3_bind_text64(stmt_.stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                          SQLITE_UTF8) != SQLITE_OK)
    Fail(stmt_.db_, stmt_.stmt_);
  return *this;
}

bool Stmt::Use::Step() {
  const int rc = sqlite3_step(stmt_.stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Fail(stmt_.db_, stmt_.stmt_);
}

void Stmt::Use::Run() {
  while (Step()) {
  }
}

int64_t Stmt::Use::ColumnInt(int col) const { return sqlite3_column_int64(stmt_.stmt_, col); }

std::string Stmt::Use::ColumnBlob(int col) const {
  const void* data = sqlite3_column_blob(stmt_.stmt_, col);
  const int size = sqlite3_column_bytes(stmt_.stmt_, col);
  if (!data || size <= 0) return {};
  return std::string(static_cast<const char*>(data), static_cast<size_t>(size));
}

std::string Stmt::Use::ColumnText(int col) const {
  const unsigned char* data = sqlite3_column_text(stmt_.stmt_, col);
  const int size = sqlite3_column_bytes(stmt_.stmt_, col);
  if (!data || size <= 0) return {};
  return std::string(reinterpret_cast<const char*>(data), static_cast<size_t>(size));
}

bool Stmt::Use::ColumnNull(int col) const {
  return sqlite3_column_type(stmt_.stmt_, col) == SQLITE_NULL;
}

}  // namespace swivel::server::sqlite
