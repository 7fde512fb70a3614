#include "os/storage/record.h"

#include <gtest/gtest.h>

#include <vector>

#include "hal/sim/sim_random.h"

namespace swivel::os::storage {
namespace {

Key MakeKey(uint8_t seed) {
  Key k;
  for (size_t i = 0; i < k.size(); ++i) k[i] = uint8_t(seed + i);
  return k;
}

std::vector<uint8_t> Bytes(size_t n, uint8_t seed) {
  std::vector<uint8_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = uint8_t(seed ^ (i * 7));
  return v;
}

std::vector<std::span<const uint8_t>> Spans(const std::vector<std::vector<uint8_t>>& frames) {
  return {frames.begin(), frames.end()};
}

TEST(Record, PutAndEraseRoundTrip) {
  std::vector<uint8_t> payload;
  const auto value = Bytes(40, 1);
  AppendRecord(payload, {RecordOp::kPut, 3, MakeKey(9), 40, 0, value});
  AppendRecord(payload, {RecordOp::kErase, 4, MakeKey(10), 0, 0, {}});
  const auto records = ParseRecords(payload);
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].op, RecordOp::kPut);
  EXPECT_EQ((*records)[0].ns, 3);
  EXPECT_EQ((*records)[0].key, MakeKey(9));
  EXPECT_EQ(std::vector<uint8_t>((*records)[0].bytes.begin(), (*records)[0].bytes.end()), value);
  EXPECT_EQ((*records)[1].op, RecordOp::kErase);
  EXPECT_EQ((*records)[1].key, MakeKey(10));
}

TEST(Record, MalformedPayloadsAreRejected) {
  const auto value = Bytes(10, 1);
  auto with = [&](const Record& r) {
    std::vector<uint8_t> p;
    AppendRecord(p, r);
    return p;
  };
  auto good = with({RecordOp::kPut, 1, MakeKey(1), 10, 0, value});
  ASSERT_TRUE(ParseRecords(good));
  EXPECT_FALSE(ParseRecords(std::span(good).first(good.size() - 1))) << "truncated value";
  EXPECT_FALSE(ParseRecords(std::span(good).first(5))) << "truncated header";
  auto bad_op = good;
  bad_op[0] = 9;
  EXPECT_FALSE(ParseRecords(bad_op)) << "unknown op";
  EXPECT_FALSE(ParseRecords(with({RecordOp::kPut, 1, MakeKey(1), 10, 2, value})))
      << "put not at offset 0";
  EXPECT_FALSE(ParseRecords(with({RecordOp::kPut, 1, MakeKey(1), 5, 0, value})))
      << "more bytes than the value has";
  EXPECT_FALSE(ParseRecords(with({RecordOp::kErase, 1, MakeKey(1), 0, 0, value})))
      << "erase with a value";
  EXPECT_FALSE(ParseRecords(with({RecordOp::kPart, 1, MakeKey(1), 20, 0, value})))
      << "part at offset 0";
  EXPECT_FALSE(ParseRecords(with({RecordOp::kPut, 1, MakeKey(1), kMaxValueSize + 1, 0, value})))
      << "value over the size limit";
  EXPECT_TRUE(ParseRecords(std::span<const uint8_t>{})) << "an empty payload holds no records";
}

TEST(Transaction, SmallChangesShareAFrame) {
  std::vector<Change> changes;
  for (uint8_t i = 0; i < 5; ++i) changes.push_back({RecordOp::kPut, 1, MakeKey(i), Bytes(50, i)});
  changes.push_back({RecordOp::kErase, 2, MakeKey(77), {}});
  const auto frames = PackTransaction(changes, 2016);
  ASSERT_EQ(frames.size(), 1u);
  const auto back = AssembleTransaction(Spans(frames));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, changes);
}

TEST(Transaction, LargeValueSpansFramesAndComesBackWhole) {
  const std::vector<Change> changes{{RecordOp::kPut, 5, MakeKey(1), Bytes(1 << 20, 3)},
                                    {RecordOp::kPut, 1, MakeKey(2), Bytes(10, 4)}};
  const auto frames = PackTransaction(changes, 2016);
  EXPECT_EQ(frames.size(), size_t((1 << 20) / (2016 - kRecordHeaderSize) + 1));
  for (const auto& f : frames) EXPECT_LE(f.size(), 2016u);
  const auto back = AssembleTransaction(Spans(frames));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, changes);
}

TEST(Transaction, RandomTransactionsRoundTrip) {
  hal::sim::SimRandom random(77);
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<Change> changes(1 + random.uniform(12));
    for (auto& c : changes) {
      c.ns = uint8_t(random.uniform(5));
      c.key = MakeKey(uint8_t(random.uniform(256)));
      if (random.chance(0.2)) {
        c.op = RecordOp::kErase;
      } else {
        c.value.resize(random.chance(0.1) ? random.uniform(9000) : random.uniform(300));
        random.fill(c.value);
      }
    }
    const size_t capacity = 64 + random.uniform(2000);
    const auto frames = PackTransaction(changes, capacity);
    std::vector<uint32_t> sizes;
    for (const auto& c : changes) sizes.push_back(uint32_t(c.value.size()));
    ASSERT_EQ(CountFrames(sizes, capacity), frames.size()) << "trial " << trial;
    for (const auto& f : frames) ASSERT_LE(f.size(), capacity);
    const auto back = AssembleTransaction(Spans(frames));
    ASSERT_TRUE(back) << "trial " << trial;
    ASSERT_EQ(*back, changes) << "trial " << trial;
  }
}

TEST(Transaction, AMissingOrMisplacedFrameIsNeverAccepted) {
  const std::vector<Change> changes{{RecordOp::kPut, 5, MakeKey(1), Bytes(5000, 3)}};
  const auto frames = PackTransaction(changes, 1000);
  ASSERT_GE(frames.size(), 5u);
  for (size_t drop = 0; drop < frames.size(); ++drop) {
    auto fewer = frames;
    fewer.erase(fewer.begin() + long(drop));
    EXPECT_FALSE(AssembleTransaction(Spans(fewer))) << "frame " << drop << " missing";
  }
  auto swapped = frames;
  std::swap(swapped[1], swapped[2]);
  EXPECT_FALSE(AssembleTransaction(Spans(swapped)));
}

TEST(Transaction, PartOfAnotherKeyIsRejected) {
  const std::vector<Change> a{{RecordOp::kPut, 5, MakeKey(1), Bytes(3000, 3)}};
  const std::vector<Change> b{{RecordOp::kPut, 5, MakeKey(2), Bytes(3000, 3)}};
  auto fa = PackTransaction(a, 1000), fb = PackTransaction(b, 1000);
  fa[1] = fb[1];  // same offsets and sizes, other key
  EXPECT_FALSE(AssembleTransaction(Spans(fa)));
}

TEST(Transaction, EmptyTransactionHasNoFrames) {
  EXPECT_TRUE(PackTransaction({}, 2016).empty());
}

}  // namespace
}  // namespace swivel::os::storage
