#include "os/storage/fsck.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>
#include <unordered_set>
#include <utility>

#include "base/le.h"
#include "os/storage/frame.h"
#include "os/storage/log.h"
#include "os/storage/store.h"

namespace swivel::os::storage {

hal::FlashStatus ReadOnlyFlash::program(uint64_t, std::span<const uint8_t>) {
  ++refused_;
  return hal::FlashStatus::kPowerLost;
}

hal::FlashStatus ReadOnlyFlash::erase(uint32_t) {
  ++refused_;
  return hal::FlashStatus::kPowerLost;
}

hal::FlashStatus ReadOnlyFlash::mark_bad(uint32_t) {
  ++refused_;
  return hal::FlashStatus::kPowerLost;
}

std::string KeyHex(const Key& key) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  for (uint8_t b : key) {
    s += kDigits[b >> 4];
    s += kDigits[b & 15];
  }
  return s;
}

namespace {

std::string Page(const hal::FlashGeometry& g, uint64_t page) {
  return "block " + std::to_string(page / g.pages_per_block) + " page " +
         std::to_string(page % g.pages_per_block);
}

std::string NsKey(uint8_t ns, const Key& key) {
  return "ns " + std::to_string(ns) + " key " + KeyHex(key);
}

// Joins up to `limit` items, then says how many more there are.
std::string List(const std::vector<std::string>& items, size_t limit = 6) {
  std::string s;
  for (size_t i = 0; i < items.size() && i < limit; ++i) s += (i ? ", " : "") + items[i];
  if (items.size() > limit) s += ", and " + std::to_string(items.size() - limit) + " more";
  return s;
}

// The keys a garbage page seems to hold, read as a frame without its CRC: a page damaged
// by a few bits usually still parses, which is enough to say whose data it was. Only used
// to name keys in a report, never as data.
std::vector<std::string> SuspectedKeys(std::span<const uint8_t> page) {
  if (page.size() < kFrameHeaderSize) return {};
  const uint8_t* h = page.data();
  if (GetLe32(h) != kFrameMagic || h[4] != kFrameVersion) return {};
  const size_t length = GetLe16(h + 6);
  if (length > page.size() - kFrameHeaderSize) return {};
  const auto records = ParseRecords(page.subspan(kFrameHeaderSize, length));
  if (!records) return {};
  std::vector<std::string> keys;
  for (const Record& r : *records) {
    auto k = NsKey(r.ns, r.key);
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
  }
  return keys;
}


struct PageScan {
  PageKind kind = PageKind::kErased;
  FrameHeader header;
  std::vector<std::string> suspected;  // garbage pages only
};

}  // namespace

FsckReport Fsck(hal::Flash& device) {
  ReadOnlyFlash flash(device);
  const auto& g = flash.geometry();
  FsckReport report;
  report.geometry = g;

  // 1. Every page of every good block, as the store's rules classify it.
  std::vector<std::vector<PageScan>> pages(g.block_count);
  {
    std::vector<uint8_t> buffer(g.page_size);
    bool failed = false;
    for (uint32_t b = 0; b < g.block_count && !failed; ++b) {
      if (flash.is_bad(b)) continue;
      pages[b].resize(g.pages_per_block);
      for (uint32_t p = 0; p < g.pages_per_block; ++p) {
        const uint64_t page = uint64_t(b) * g.pages_per_block + p;
        if (auto s = flash.read(page, 0, buffer); s != hal::FlashStatus::kOk) {
          report.problems.push_back(Page(g, page) + ": read failed: " +
                                    std::string(hal::ToString(s)));
          failed = true;
          break;
        }
        DecodedFrame frame;
        PageScan& ps = pages[b][p];
        ps.kind = DecodeFrame(buffer, &frame);
        if (ps.kind == PageKind::kFrame) ps.header = frame.header;
        if (ps.kind == PageKind::kGarbage) ps.suspected = SuspectedKeys(buffer);
      }
    }
    if (failed) return report;
  }

  // 2. The log as a mount sees it.
  const LogScan scan = ScanLog(flash);
  report.scan_status = scan.status;
  if (scan.status != Status::kOk) {
    report.problems.push_back("log scan failed: " + std::string(ToString(scan.status)));
    return report;
  }
  report.transactions = scan.transactions.size();
  std::unordered_set<uint64_t> committed_pages;
  for (const auto& t : scan.transactions)
    committed_pages.insert(t.pages.begin(), t.pages.end());

  report.blocks.resize(g.block_count);
  for (uint32_t b : scan.log_blocks) report.blocks[b].state = FsckBlockState::kLog;
  for (uint32_t b = 0; b < g.block_count; ++b) {
    FsckBlock& block = report.blocks[b];
    block.erase_count = scan.erase_counts[b];
    if (flash.is_bad(b)) {
      block.state = FsckBlockState::kBad;
      ++report.bad_blocks;
      report.notes.push_back("block " + std::to_string(b) + ": bad (retired), not read");
      continue;
    }
    const auto& ps = pages[b];
    const uint64_t base = uint64_t(b) * g.pages_per_block;
    for (uint32_t p = 0; p < g.pages_per_block; ++p) {
      block.frames += ps[p].kind == PageKind::kFrame;
      block.garbage_pages += ps[p].kind == PageKind::kGarbage;
      block.erased_pages += ps[p].kind == PageKind::kErased;
      block.committed_frames += committed_pages.contains(base + p);
    }
    report.frames += block.frames;
    report.garbage_pages += block.garbage_pages;
    const std::string name = "block " + std::to_string(b);

    if (block.state == FsckBlockState::kFree) {
      ++report.free_blocks;
      if (ps[0].kind == PageKind::kFrame) {
        report.problems.push_back(name + " page 0: reads as a frame now but did not during "
                                  "the log scan: the page reads differently each time");
      } else if (ps[0].kind == PageKind::kGarbage && block.frames > 0) {
        report.problems.push_back(
            name + " page 0: damaged (not a frame, not erased) while the block holds " +
            std::to_string(block.frames) +
            " frame(s): mount takes the block as free and ignores them; data only there is "
            "lost");
      } else if (ps[0].kind == PageKind::kErased && block.frames + block.garbage_pages > 0) {
        report.notes.push_back(name + ": free, page 0 erased but " +
                               std::to_string(block.frames) + " frame(s) and " +
                               std::to_string(block.garbage_pages) +
                               " garbage page(s) remain: an erase cut by power loss; the "
                               "block is erased again before reuse");
      } else if (ps[0].kind == PageKind::kGarbage) {
        report.notes.push_back(name + ": free, page 0 is garbage and holds no frame: a torn "
                               "first program or a torn erase; erased again before reuse");
      }
      continue;
    }

    ++report.log_blocks;
    if (ps[0].kind != PageKind::kFrame) {
      report.problems.push_back(name + " page 0: was a frame during the log scan but not "
                                "now: the page reads differently each time");
      continue;
    }
    // The block's written pages run to its last page that is not erased. Erased-looking
    // pages among them are normal: a writer resuming after a power cut skips one.
    uint32_t end = 0;
    for (uint32_t p = 0; p < g.pages_per_block; ++p)
      if (ps[p].kind != PageKind::kErased) end = p + 1;

    std::set<uint64_t> uncommitted_transactions;
    uint32_t uncommitted = 0;
    for (uint32_t p = 0; p < end; ++p) {
      const uint64_t page = base + p;
      if (ps[p].kind == PageKind::kGarbage) {
        std::string holds;
        if (!ps[p].suspected.empty()) holds = "; it appears to hold " + List(ps[p].suspected);
        if (p + 1 < end && ps[p + 1].kind == PageKind::kFrame) {
          std::string sequence;
          if (p > 0 && ps[p - 1].kind == PageKind::kFrame && !ps[p - 1].header.summary)
            sequence = " (sequence " + std::to_string(ps[p - 1].header.sequence + 1) + ")";
          report.problems.push_back(
              Page(g, page) + ": damaged frame" + sequence +
              ": garbage right before another frame, so it was written whole (the writer "
              "never programs the page after a torn one); its transaction is no longer "
              "applied and its keys may read an older value or none" + holds);
        } else {
          report.notes.push_back(Page(g, page) + ": torn page (a program cut by power loss, "
                                 "or damage to the frame written last before it); mount "
                                 "ignores it" + holds);
        }
      } else if (ps[p].kind == PageKind::kFrame && !ps[p].header.summary &&
                 (ps[p].header.sequence >= kMaxSequence ||
                  ps[p].header.transaction > ps[p].header.sequence)) {
        // Passes its CRC but was not written by the store's rules (crafted or a bug). A huge
        // sequence matters: the next sequence would wrap, and later commits would sort
        // before older frames and lose to them at the next mount.
        report.problems.push_back(Page(g, page) + ": frame with sequence " +
                                  std::to_string(ps[p].header.sequence) + " of transaction " +
                                  std::to_string(ps[p].header.transaction) +
                                  ": not a sequence the store writes");
      }
      if (ps[p].kind == PageKind::kFrame && !ps[p].header.summary && !committed_pages.count(page)) {
        ++uncommitted;
        uncommitted_transactions.insert(ps[p].header.transaction);
      }
    }
    report.uncommitted_frames += uncommitted;
    if (uncommitted) {
      std::vector<std::string> ids;
      for (uint64_t t : uncommitted_transactions) ids.push_back(std::to_string(t));
      report.notes.push_back(
          name + ": " + std::to_string(uncommitted) +
          " frame(s) of transactions that never committed (transaction " + List(ids) +
          "): the one in flight at a power cut, or ones whose other frames garbage "
          "collection erased; mount ignores them");
    }
  }

  // What a mount reads (block summaries) must say what the pages themselves say.
  {
    const LogScan full = ScanLog(flash, /*keep_values=*/true);
    std::map<uint64_t, std::vector<uint64_t>> by_summary, by_pages;
    for (const auto& t : scan.transactions) by_summary[t.id] = t.pages;
    for (const auto& t : full.transactions) by_pages[t.id] = t.pages;
    if (full.status == Status::kOk && by_summary != by_pages) {
      std::vector<std::string> ids;
      for (const auto& [id, where] : by_pages)
        if (auto it = by_summary.find(id); it == by_summary.end() || it->second != where)
          ids.push_back(std::to_string(id));
      for (const auto& [id, where] : by_summary)
        if (!by_pages.count(id)) ids.push_back(std::to_string(id));
      report.problems.push_back("block summaries disagree with the pages they describe about "
                                "transaction " + List(ids) + ": a mount would not see what "
                                "flash holds");
    }
  }

  // 3. The store mounts, and every live record reads back whole.
  Status status = Status::kOk;
  auto store = Store::Mount(flash, &status);
  report.mount_status = status;
  if (!store) {
    report.problems.push_back("the store does not mount: " + std::string(ToString(status)));
  } else {
    report.mounted = true;
    // Where the newest put of each key is, to name its pages when it cannot be read.
    std::map<std::pair<uint8_t, Key>, const std::vector<uint64_t>*> where;
    for (const auto& t : scan.transactions)
      for (const Entry& e : t.entries) where[{e.ns, e.key}] = &t.pages;
    for (unsigned ns = 0; ns < 256; ++ns) {
      std::vector<std::pair<Key, uint32_t>> keys;
      store->ForEach(uint8_t(ns), [&](const Key& k, uint32_t size) { keys.emplace_back(k, size); });
      for (const auto& [key, size] : keys) {
        std::vector<uint8_t> value;
        const Status s = store->Get(uint8_t(ns), key, &value);
        std::string at;
        if (auto it = where.find({uint8_t(ns), key}); it != where.end()) {
          std::vector<std::string> at_pages;
          for (uint64_t page : *it->second) at_pages.push_back(Page(g, page));
          at = " (its transaction is at " + List(at_pages, 4) + ")";
        }
        if (s != Status::kOk) {
          report.problems.push_back(NsKey(uint8_t(ns), key) + ": cannot be read: " +
                                    std::string(ToString(s)) + at);
          continue;
        }
        if (value.size() != size) {
          report.problems.push_back(NsKey(uint8_t(ns), key) + ": listed as " +
                                    std::to_string(size) + " bytes but reads " +
                                    std::to_string(value.size()) + at);
          continue;
        }
        auto& n = report.namespaces[uint8_t(ns)];
        ++n.records;
        n.bytes += size;
        ++report.records;
        report.record_bytes += size;
      }
    }
  }
  if (flash.refused_writes())
    report.problems.push_back(std::to_string(flash.refused_writes()) +
                              " program/erase call(s) refused: fsck is read-only, but the "
                              "store tried to write while mounting or reading");
  return report;
}

std::string FormatFsckReport(const FsckReport& r) {
  const auto& g = r.geometry;
  std::ostringstream out;
  out << "flash: " << g.block_count << " blocks x " << g.pages_per_block << " pages x "
      << g.page_size << " bytes\n";
  if (!r.blocks.empty()) {
    out << "blocks: " << r.log_blocks << " log, " << r.free_blocks << " free, " << r.bad_blocks
        << " bad\n"
        << "pages: " << r.frames << " frames (" << r.uncommitted_frames
        << " of transactions that never committed), " << r.garbage_pages << " garbage\n"
        << "committed transactions: " << r.transactions << "\n";
    std::string rows;
    for (size_t b = 0; b < r.blocks.size(); ++b) {
      const auto& k = r.blocks[b];
      if (k.state == FsckBlockState::kFree && k.frames == 0 && k.garbage_pages == 0) continue;
      char line[96];
      std::snprintf(line, sizeof line, "%5zu  %-5s  %6u  %6u  %9u  %7u  %6u\n", b,
                    k.state == FsckBlockState::kLog    ? "log"
                    : k.state == FsckBlockState::kFree ? "free"
                                                       : "bad",
                    k.erase_count, k.frames, k.committed_frames, k.garbage_pages,
                    k.erased_pages);
      rows += line;
    }
    if (!rows.empty()) out << "block  state  erases  frames  committed  garbage  erased\n" << rows;
  }
  if (r.mounted) {
    out << "mount: ok\nrecords: " << r.records << " (" << r.record_bytes << " bytes)\n";
    for (const auto& [ns, n] : r.namespaces)
      out << "  namespace " << unsigned(ns) << ": " << n.records << " records, " << n.bytes
          << " bytes\n";
  }
  for (const auto& note : r.notes) out << "note: " << note << "\n";
  for (const auto& problem : r.problems) out << "problem: " << problem << "\n";
  if (r.clean()) out << "clean\n";
  else out << r.problems.size() << (r.problems.size() == 1 ? " problem\n" : " problems\n");
  return out.str();
}

}  // namespace swivel::os::storage
