#pragma once
// A thin C++ face on the SQLite C API for the SQLite store and backups: an owned connection
// and prepared statements that reset themselves after each use (a statement left stepping
// would keep a read transaction open). Failures throw StoreError with SQLite's message.
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "server/store.h"

namespace swivel::server::sqlite {

class Db {
 public:
  Db() = default;
  Db(const std::string& path, int flags);
  ~Db();
  Db(Db&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Db& operator=(Db&& other) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  sqlite3* get() const { return db_; }
  void Exec(const std::string& sql);
  // Throws StoreError with `what` and SQLite's last message unless rc is one of the OK codes.
  void Check(int rc, std::string_view what) const;
  void Close();

 private:
  sqlite3* db_ = nullptr;
};

class Stmt {
 public:
  Stmt() = default;
  Stmt(const Db& db, const char* sql);
  ~Stmt();
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // One execution: bind, step, read columns; resets the statement when it goes away.
  class Use {
   public:
    explicit Use(Stmt& stmt) : stmt_(stmt) {}
    ~Use();
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    Use& Int(int index, int64_t value);
    Use& Blob(int index, std::string_view value);
    Use& Text(int index, std::string_view value);
    // True with a row to read, false when done.
    bool Step();
    // Steps to the end (statements that return nothing).
    void Run();
    int64_t ColumnInt(int col) const;
    std::string ColumnBlob(int col) const;
    std::string ColumnText(int col) const;
    bool ColumnNull(int col) const;

   private:
    Stmt& stmt_;
  };
  Use operator()() { return Use(*this); }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace swivel::server::sqlite
