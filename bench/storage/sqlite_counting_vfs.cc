#include "bench/storage/sqlite_counting_vfs.h"

#include <sqlite3.h>

#include <cstring>

namespace swivel::bench {
namespace {

// Benchmark-only process state: SQLite's VFS registry is itself process-global.
DiskCounters counters;
sqlite3_vfs* base_vfs = nullptr;
sqlite3_vfs counting_vfs;
sqlite3_io_methods counting_methods;

// Our file wraps the base VFS's file, which follows it in memory.
struct CountingFile {
  sqlite3_file base;  // pMethods = &counting_methods
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

int Close(sqlite3_file* f) { return reinterpret_cast<CountingFile*>(f)->real()->pMethods->xClose(reinterpret_cast<CountingFile*>(f)->real()); }
int Read(sqlite3_file* f, void* p, int n, sqlite3_int64 off) {
  auto* r = reinterpret_cast<CountingFile*>(f)->real();
  return r->pMethods->xRead(r, p, n, off);
}
int Write(sqlite3_file* f, const void* p, int n, sqlite3_int64 off) {
  counters.bytes_written += uint64_t(n);
  auto* r = reinterpret_cast<CountingFile*>(f)->real();
  return r->pMethods->xWrite(r, p, n, off);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  auto* r = reinterpret_cast<CountingFile*>(f)->real();
  return r->pMethods->xTruncate(r, size);
}
int Sync(sqlite3_file* f, int flags) {
  ++counters.syncs;
  auto* r = reinterpret_cast<CountingFile*>(f)->real();
  return r->pMethods->xSync(r, flags);
}
int FileSize(sqlite3_file* f, sqlite3_int64* size) {
  auto* r = reinterpret_cast<CountingFile*>(f)->real();
  return r->pMethods->xFileSize(r, size);
}
int Lock(sqlite3_file* f, int l) { auto* r = reinterpret_cast<CountingFile*>(f)->real(); return r->pMethods->xLock(r, l); }
int Unlock(sqlite3_file* f, int l) { auto* r = reinterpret_cast<CountingFile*>(f)->real(); return r->pMethods->xUnlock(r, l); }
int CheckReservedLock(sqlite3_file* f, int* out) { auto* r = reinterpret_cast<CountingFile*>(f)->real(); return r->pMethods->xCheckReservedLock(r, out); }
int FileControl(sqlite3_file* f, int op, void* arg) { auto* r = reinterpret_cast<CountingFile*>(f)->real(); return r->pMethods->xFileControl(r, op, arg); }
int SectorSize(sqlite3_file* f) { auto* r = reinterpret_cast<CountingFile*>(f)->real(); return r->pMethods->xSectorSize(r); }
int DeviceCharacteristics(sqlite3_file* f) { auto* r = reinterpret_cast<CountingFile*>(f)->real(); return r->pMethods->xDeviceCharacteristics(r); }
int ShmMap(sqlite3_file* f, int pg, int sz, int ext, void volatile** p) { auto* r = reinterpret_cast<CountingFile*>(f)->real(); return r->pMethods->xShmMap(r, pg, sz, ext, p); }
int ShmLock(sqlite3_file* f, int off, int n, int flags) { auto* r = reinterpret_cast<CountingFile*>(f)->real(); return r->pMethods->xShmLock(r, off, n, flags); }
void ShmBarrier(sqlite3_file* f) { auto* r = reinterpret_cast<CountingFile*>(f)->real(); r->pMethods->xShmBarrier(r); }
int ShmUnmap(sqlite3_file* f, int del) { auto* r = reinterpret_cast<CountingFile*>(f)->real(); return r->pMethods->xShmUnmap(r, del); }

int Open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  auto* wrapped = reinterpret_cast<CountingFile*>(file);
  const int rc = base_vfs->xOpen(base_vfs, name, wrapped->real(), flags, out_flags);
  wrapped->base.pMethods = rc == SQLITE_OK ? &counting_methods : nullptr;
  return rc;
}

}  // namespace

DiskCounters& RegisterCountingVfs() {
  if (base_vfs) return counters;
  base_vfs = sqlite3_vfs_find(nullptr);
  counting_vfs = *base_vfs;
  counting_vfs.zName = "counting";
  counting_vfs.szOsFile = int(sizeof(CountingFile)) + base_vfs->szOsFile;
  counting_vfs.xOpen = Open;
  counting_methods = sqlite3_io_methods{2, Close, Read, Write, Truncate, Sync, FileSize, Lock,
                                        Unlock, CheckReservedLock, FileControl, SectorSize,
                                        DeviceCharacteristics, ShmMap, ShmLock, ShmBarrier,
                                        ShmUnmap, nullptr, nullptr};
  sqlite3_vfs_register(&counting_vfs, 0);
  return counters;
}

}  // namespace swivel::bench
