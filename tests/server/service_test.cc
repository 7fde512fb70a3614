// The gRPC service (in process, over a real gRPC channel) and the radio gateway.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "hal/sim/sim_clock.h"
#include "hal/sim/sim_radio.h"
#include "proto/sync.grpc.pb.h"
#include "server/crypto.h"
#include "server/radio_gateway.h"
#include "server/service.h"
#include "tests/server/server_test_util.h"

namespace swivel::server::testing {
namespace {

class ServerService : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    ApplyLimits(builder, h.server().options());
    builder.RegisterService(&service);
    grpc_server = builder.BuildAndStart();
    ASSERT_TRUE(grpc_server);
    grpc::ChannelArguments args;
    args.SetMaxSendMessageSize(64 * 1024 * 1024);
    stub = sync::Sync::NewStub(grpc_server->InProcessChannel(args));
  }
  void TearDown() override {
    stub.reset();
    grpc_server->Shutdown();
    grpc_server->Wait();
  }

  std::string SignIn(const std::string& account) {
    grpc::ClientContext up_context;
    sync::SignUpRequest up;
    up.set_account(account);
    up.set_password("correct horse");
    sync::SignUpReply up_reply;
    EXPECT_TRUE(stub->SignUp(&up_context, up, &up_reply).ok());
    grpc::ClientContext in_context;
    sync::SignInRequest in;
    in.set_account(account);
    in.set_password("correct horse");
    in.set_device_name("grpc phone");
    sync::SignInReply reply;
    auto status = stub->SignIn(&in_context, in, &reply);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return reply.token();
  }

  grpc::Status Sync(const std::string& token, const sync::SyncRequest& request,
                    sync::SyncReply* reply) {
    grpc::ClientContext context;
    if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
    return stub->Sync(&context, request, reply);
  }

  ServerHarness h;
  SyncService service{h.server()};
  std::unique_ptr<grpc::Server> grpc_server;
  std::unique_ptr<sync::Sync::Stub> stub;
};

TEST_F(ServerService, SyncWithABearerToken) {
  const std::string token = SignIn("anna");
  sync::SyncRequest request;
  *request.add_push() = Contact(Id(1), "Bo");
  sync::SyncReply reply;
  auto status = Sync(token, request, &reply);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(reply.pushed_size(), 1);
  EXPECT_EQ(reply.pushed(0).outcome(), sync::PushResult::OUTCOME_STORED);
  EXPECT_NE(h.log.back().find("sync account=anna"), std::string::npos) << h.log.back();
  EXPECT_NE(h.log.back().find("\"grpc phone\""), std::string::npos) << h.log.back();
}

TEST_F(ServerService, ErrorsKeepTheirCodes) {
  const std::string anna = SignIn("anna");
  const std::string bea = SignIn("bea");
  sync::SyncRequest request;
  *request.add_push() = Contact(Id(1), "Bo");
  sync::SyncReply reply;
  ASSERT_TRUE(Sync(bea, request, &reply).ok());
  const std::string before = Dump(h.dir());
  EXPECT_EQ(Sync("", request, &reply).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Sync(std::string(64, 'a'), request, &reply).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Sync(anna, request, &reply).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  request.mutable_push(0)->set_id("short");
  auto invalid = Sync(anna, request, &reply);
  EXPECT_EQ(invalid.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(invalid.error_message().find("id is 5 bytes"), std::string::npos);
  EXPECT_EQ(Dump(h.dir()), before);
}

TEST_F(ServerService, OversizedMessageIsRefusedBeforeItReachesTheService) {
  const std::string token = SignIn("anna");
  sync::SyncRequest request;
  for (uint32_t i = 0; i < 40; ++i) *request.add_push() = Note(Id(i), std::string(250 * 1024, 'n'));
  ASSERT_GT(request.ByteSizeLong(), 8u * 1024 * 1024);
  const std::string before = Dump(h.dir());
  const size_t lines = h.log.size();
  sync::SyncReply reply;
  EXPECT_EQ(Sync(token, request, &reply).error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(Dump(h.dir()), before);
  EXPECT_EQ(h.log.size(), lines) << "the service never saw it";
}

TEST_F(ServerService, BlobsUpAndDownInStreams) {
  const std::string token = SignIn("anna");
  const std::string bytes(700 * 1024, 'b');
  const std::string sha = Sha256Of(bytes);
  {
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + token);
    sync::BlobState state;
    auto writer = stub->UploadBlob(&context, &state);
    for (size_t offset = 0; offset < bytes.size(); offset += 256 * 1024) {
      sync::BlobChunk chunk;
      chunk.set_sha256(sha);
      chunk.set_total_size(bytes.size());
      chunk.set_offset(offset);
      chunk.set_data(bytes.substr(offset, 256 * 1024));
      ASSERT_TRUE(writer->Write(chunk));
    }
    writer->WritesDone();
    auto status = writer->Finish();
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_TRUE(state.complete());
  }
  {
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + token);
    sync::BlobQuery query;
    query.set_sha256(sha);
    auto reader = stub->DownloadBlob(&context, query);
    std::string got;
    sync::BlobChunk chunk;
    int chunks = 0;
    while (reader->Read(&chunk)) {
      got += chunk.data();
      ++chunks;
    }
    ASSERT_TRUE(reader->Finish().ok());
    EXPECT_EQ(got, bytes);
    EXPECT_EQ(chunks, 3);
  }
}

// The radio gateway: the same server, one RadioRequest at a time.
class ServerRadio : public ::testing::Test {
 protected:
  sync::RadioReply Call(const sync::RadioRequest& request) {
    sync::RadioReply reply;
    EXPECT_TRUE(reply.ParseFromString(gateway.Handle(request.SerializeAsString())));
    return reply;
  }
  ServerHarness h;
  RadioGateway gateway{h.server()};
};

TEST_F(ServerRadio, SignUpSignInSyncAndBlobsThroughTheGateway) {
  sync::RadioRequest up;
  up.mutable_sign_up()->set_account("anna");
  up.mutable_sign_up()->set_password("correct horse");
  EXPECT_EQ(Call(up).code(), 0);
  sync::RadioRequest in;
  in.mutable_sign_in()->set_account("anna");
  in.mutable_sign_in()->set_password("correct horse");
  auto signed_in = Call(in);
  ASSERT_EQ(signed_in.code(), 0) << signed_in.message();
  const std::string token = signed_in.sign_in().token();

  const std::string bytes(300 * 1024, 'r');
  sync::RadioRequest upload;
  upload.set_token(token);
  upload.mutable_upload()->set_sha256(Sha256Of(bytes));
  upload.mutable_upload()->set_total_size(bytes.size());
  upload.mutable_upload()->set_data(bytes.substr(0, 200 * 1024));
  auto first = Call(upload);
  ASSERT_EQ(first.code(), 0) << first.message();
  EXPECT_EQ(first.blob_state().have_bytes(), 200u * 1024);
  upload.mutable_upload()->set_offset(200 * 1024);
  upload.mutable_upload()->set_data(bytes.substr(200 * 1024));
  EXPECT_TRUE(Call(upload).blob_state().complete());

  sync::RadioRequest sync_call;
  sync_call.set_token(token);
  *sync_call.mutable_sync()->add_push() = Photo(Id(1), Sha256Of(bytes), bytes.size());
  auto synced = Call(sync_call);
  ASSERT_EQ(synced.code(), 0) << synced.message();
  EXPECT_EQ(synced.sync().pushed(0).outcome(), sync::PushResult::OUTCOME_STORED);

  sync::RadioRequest download;
  download.set_token(token);
  download.mutable_download()->set_sha256(Sha256Of(bytes));
  download.mutable_download()->set_offset(1000);
  download.mutable_download()->set_max_bytes(4000);
  auto chunk = Call(download);
  ASSERT_EQ(chunk.code(), 0) << chunk.message();
  EXPECT_EQ(chunk.chunk().offset(), 1000u);
  EXPECT_EQ(chunk.chunk().data(), bytes.substr(1000, 4000));
  download.mutable_download()->set_max_bytes(0);
  EXPECT_EQ(Call(download).chunk().data().size(), 256u * 1024) << "one chunk a reply";
}

TEST_F(ServerRadio, BadRequestsGetClearCodes) {
  sync::RadioReply reply;
  ASSERT_TRUE(reply.ParseFromString(gateway.Handle(std::string_view("\xff\xff\xff garbage"))));
  EXPECT_EQ(reply.code(), static_cast<int>(Code::kInvalidArgument));
  EXPECT_EQ(Call(sync::RadioRequest()).code(), static_cast<int>(Code::kInvalidArgument));
  ASSERT_TRUE(reply.ParseFromString(gateway.Handle(std::string(9 * 1024 * 1024, '\0'))));
  EXPECT_EQ(reply.code(), static_cast<int>(Code::kResourceExhausted));
  sync::RadioRequest sync_call;
  sync_call.set_token("bad");
  sync_call.mutable_sync();
  reply = Call(sync_call);
  EXPECT_EQ(reply.code(), static_cast<int>(Code::kUnauthenticated));
  EXPECT_FALSE(reply.message().empty());
}

TEST_F(ServerRadio, BehindASimulatedRadioLink) {
  hal::sim::SimClock clock;
  hal::sim::SimRadio radio(clock, hal::sim::SimRandom(7));
  radio.set_backend([this](const hal::Bytes& request) -> std::optional<hal::Bytes> {
    return gateway.Handle(request);
  });
  sync::RadioRequest up;
  up.mutable_sign_up()->set_account("anna");
  up.mutable_sign_up()->set_password("correct horse");
  const std::string bytes = up.SerializeAsString();
  std::optional<sync::RadioReply> answer;
  radio.send(hal::Bytes(bytes.begin(), bytes.end()), std::chrono::seconds(5),
             [&](hal::RadioStatus status, hal::Bytes reply) {
               ASSERT_EQ(status, hal::RadioStatus::kOk);
               answer.emplace();
               ASSERT_TRUE(answer->ParseFromArray(reply.data(), static_cast<int>(reply.size())));
             });
  clock.run_for(std::chrono::seconds(1));
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->code(), 0) << answer->message();
  EXPECT_TRUE(h.store().FindAccount("anna"));
}

}  // namespace
}  // namespace swivel::server::testing
