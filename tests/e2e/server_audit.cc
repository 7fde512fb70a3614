#include "tests/e2e/server_audit.h"

#include <grpcpp/grpcpp.h>

#include "os/pim/sha256.h"
#include "proto/pim.pb.h"
#include "proto/sync.grpc.pb.h"

namespace swivel::e2e {
namespace {

std::string Hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char c : bytes) (out += kDigits[c >> 4]) += kDigits[c & 15];
  return out;
}

bool Parse(const sync::Record& r, HeldRecord* out) {
  out->deleted = r.deleted();
  pim::RecordMeta meta;
  switch (r.type()) {
    case sync::RECORD_TYPE_CONTACT: {
      pim::Contact c;
      if (!c.ParseFromString(r.payload())) return false;
      out->kind = "contact", out->text = c.display_name(), meta = c.meta();
      break;
    }
    case sync::RECORD_TYPE_EVENT: {
      pim::Event e;
      if (!e.ParseFromString(r.payload())) return false;
      out->kind = "event", out->text = e.title(), meta = e.meta();
      break;
    }
    case sync::RECORD_TYPE_TASK: {
      pim::Task t;
      if (!t.ParseFromString(r.payload())) return false;
      out->kind = "task", out->text = t.title(), meta = t.meta();
      break;
    }
    case sync::RECORD_TYPE_NOTE: {
      pim::Note n;
      if (!n.ParseFromString(r.payload())) return false;
      out->kind = "note", out->text = n.body(), meta = n.meta();
      break;
    }
    case sync::RECORD_TYPE_PHOTO: {
      pim::Photo p;
      if (!p.ParseFromString(r.payload())) return false;
      out->kind = "photo", out->text = p.caption(), meta = p.meta();
      break;
    }
    default:
      return false;
  }
  out->conflict_of = Hex(meta.conflict_of());
  return true;
}

// The SHA-256 of the bytes the server really sends for a photo (hex), or "" when it has none.
std::string DownloadedHash(sync::Sync::Stub& stub, const std::string& token, const std::string& sha256) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  context.AddMetadata("authorization", "Bearer " + token);
  sync::BlobQuery query;
  query.set_sha256(sha256);
  auto reader = stub.DownloadBlob(&context, query);
  std::string bytes;
  sync::BlobChunk chunk;
  while (reader->Read(&chunk)) {
    if (chunk.offset() != bytes.size()) return "";
    bytes += chunk.data();
  }
  if (!reader->Finish().ok()) return "";
  return Hex(os::pim::Sha256Of(bytes));
}

}  // namespace

bool ReadAccount(const std::string& address, const std::string& account, const std::string& password,
                 Holding* out, std::string* error) {
  auto stub = sync::Sync::NewStub(grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
  auto deadline = [] { return std::chrono::system_clock::now() + std::chrono::seconds(60); };
  sync::SignInRequest in;
  in.set_account(account);
  in.set_password(password);
  in.set_device_name("drill auditor");
  sync::SignInReply signed_in;
  {
    grpc::ClientContext context;
    context.set_deadline(deadline());
    if (auto s = stub->SignIn(&context, in, &signed_in); !s.ok())
      return *error = "sign in as " + account + ": " + s.error_message(), false;
  }
  sync::SyncRequest request;
  for (int page = 0; page < 100000; ++page) {
    grpc::ClientContext context;
    context.set_deadline(deadline());
    context.AddMetadata("authorization", "Bearer " + signed_in.token());
    sync::SyncReply reply;
    if (auto s = stub->Sync(&context, request, &reply); !s.ok())
      return *error = "sync as " + account + ": " + s.error_message(), false;
    for (const auto& r : reply.pulled()) {
      HeldRecord held;
      if (!Parse(r, &held)) return *error = "the server holds a record that does not parse: " + Hex(r.id()), false;
      if (held.kind == "photo" && !held.deleted) {
        pim::Photo photo;
        photo.ParseFromString(r.payload());
        held.photo_sha256 = DownloadedHash(*stub, signed_in.token(), photo.sha256());
      }
      (*out)[Hex(r.id())] = held;
    }
    if (!reply.more()) return true;
    request.set_epoch(reply.epoch());
    request.set_anchor(reply.next_anchor());
  }
  return *error = "the pull never ended", false;
}

}  // namespace swivel::e2e
