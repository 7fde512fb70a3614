#include "bench/sync/load.h"

#include <algorithm>
#include <atomic>
#include <latch>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "bench/sync/contact_maker.h"
#include "os/sync/sync_session.h"
#include "hal/sim/sim_random.h"
#include "proto/sync.pb.h"
#include "server/radio_bridge.h"

namespace swivel::bench {

namespace {

using Clock = std::chrono::steady_clock;

struct Sample {
  Clock::time_point done;
  double ms;
};

// One simulated handset: its link, its credentials, the one contact it keeps editing and
// what a SyncSession would remember (the contact's base stamp, the epoch and anchor).
struct LoadHandset {
  std::shared_ptr<grpc::Channel> channel;
  std::string token;
  pim::Contact contact;
  sync::Stamp base;
  std::string epoch;
  uint64_t anchor = 0;
  std::vector<Sample> samples;
  uint64_t errors = 0;
};

sync::RadioReply Call(server::GrpcRadioBridge& bridge, const sync::RadioRequest& request) {
  sync::RadioReply reply = bridge.Call(request);
  if (reply.code() != 0)
    throw std::runtime_error("load setup: the server said " + std::to_string(reply.code()) + " " +
                             reply.message());
  return reply;
}

// Signs up one account per pair of handsets and signs each handset in as a device of it.
std::vector<LoadHandset> SignIn(const BenchServer& server, const LoadOptions& options) {
  std::vector<LoadHandset> handsets(static_cast<size_t>(options.handsets));
  hal::sim::SimRandom ids(options.seed);
  ContactMaker maker(options.seed);
  for (size_t i = 0; i < handsets.size(); ++i) {
    LoadHandset& h = handsets[i];
    h.channel = server.Connect();
    server::GrpcRadioBridge bridge(h.channel);
    const std::string account = "load-" + std::to_string(i / 2);
    sync::RadioRequest request;
    if (i % 2 == 0) {
      request.mutable_sign_up()->set_account(account);
      request.mutable_sign_up()->set_password("correct horse");
      Call(bridge, request);
    }
    request.mutable_sign_in()->set_account(account);
    request.mutable_sign_in()->set_password("correct horse");
    request.mutable_sign_in()->set_device_name("load " + std::to_string(i));
    h.token = Call(bridge, request).sign_in().token();
    h.contact = maker.Next();
    std::string id(16, '\0');
    ids.fill({reinterpret_cast<uint8_t*>(id.data()), id.size()});
    h.contact.mutable_meta()->set_id(id);
  }
  return handsets;
}

// One sync: the edited contact goes up on its base, the account's other changes come down.
void SyncOnce(LoadHandset& h, server::GrpcRadioBridge& bridge, ContactMaker& maker) {
  maker.Edit(h.contact);
  h.contact.mutable_meta()->set_revision(h.contact.meta().revision() + 1);
  sync::RadioRequest request;
  request.set_token(h.token);
  auto& sync = *request.mutable_sync();
  sync.set_epoch(h.epoch);
  sync.set_anchor(h.anchor);
  sync.set_max_records(os::sync::SyncSession::kPullRecords);
  sync.set_max_bytes(os::sync::SyncSession::kPullBytes);
  auto& record = *sync.add_push();
  record.set_type(sync::RECORD_TYPE_CONTACT);
  record.set_id(h.contact.meta().id());
  if (!h.base.epoch().empty()) *record.mutable_stamp() = h.base;
  record.set_payload(h.contact.SerializeAsString());

  const auto t0 = Clock::now();
  const sync::RadioReply reply = bridge.Call(request);
  const auto t1 = Clock::now();
  h.samples.push_back({t1, std::chrono::duration<double, std::milli>(t1 - t0).count()});
  if (reply.code() != 0 || !reply.has_sync() || reply.sync().pushed_size() != 1) {
    ++h.errors;
    return;
  }
  const auto& answer = reply.sync();
  h.epoch = answer.epoch();
  h.anchor = answer.next_anchor();
  const auto& pushed = answer.pushed(0);
  if (pushed.outcome() == sync::PushResult::OUTCOME_CONFLICT) {
    // Not expected (each handset edits its own contact); take the server's and go on.
    h.base = pushed.current().stamp();
    h.contact.ParseFromString(pushed.current().payload());
  } else {
    h.base = pushed.stamp();
  }
}

}  // namespace

LoadResult RunLoad(const BenchServer& server, const LoadOptions& options) {
  std::vector<LoadHandset> handsets = SignIn(server, options);
  std::atomic<bool> stop{false};
  std::latch ready(static_cast<std::ptrdiff_t>(handsets.size()) + 1);
  std::vector<std::thread> threads;
  threads.reserve(handsets.size());
  for (size_t i = 0; i < handsets.size(); ++i)
    threads.emplace_back([&, i] {
      LoadHandset& h = handsets[i];
      server::GrpcRadioBridge bridge(h.channel, std::chrono::seconds(60));
      ContactMaker maker(options.seed * 1000 + i);
      ready.arrive_and_wait();
      while (!stop.load(std::memory_order_relaxed)) SyncOnce(h, bridge, maker);
    });
  ready.arrive_and_wait();
  const auto from = Clock::now() + options.warmup;
  const auto until = from + options.window;
  std::this_thread::sleep_until(until);
  stop = true;
  for (auto& t : threads) t.join();

  LoadResult result;
  std::vector<double> ms;
  for (const auto& h : handsets) {
    result.errors += h.errors;
    for (const auto& s : h.samples)
      if (s.done >= from && s.done < until) ms.push_back(s.ms);
  }
  result.calls = ms.size();
  result.syncs_per_s = double(ms.size()) / std::chrono::duration<double>(options.window).count();
  if (!ms.empty()) {
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, size_t(q * double(ms.size())))]; };
    result.p50_ms = at(0.50);
    result.p99_ms = at(0.99);
  }
  return result;
}

}  // namespace swivel::bench
