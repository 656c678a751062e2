#include <catch2/catch.hpp>

#include "core/backends/s3/s3_lock_store.h"
#include "core/backends/s3/s3_state_blob.h"
#include "core/state/lock_info.h"
#include "tests/unit/core/aws/scripted_aws.h"

using namespace plinth;
using namespace plinth::backends;
using plinth::testing::http_answer;
using plinth::testing::HttpOutcome;

namespace {

// A scripted AWS client and the S3 calls over it.
struct S3Harness {
    explicit S3Harness(std::deque<HttpOutcome> script)
        : aws(std::move(script)), transport(aws.transport),
          s3(std::make_shared<aws::S3Client>(aws.client, aws::S3Location{"http://127.0.0.1:9000", true})) {}
    plinth::testing::ScriptedAws aws;
    std::shared_ptr<plinth::testing::ScriptedTransport> transport;
    std::shared_ptr<aws::S3Client> s3;
};

std::string holder_json() {
    return lock_info_to_json(LockInfo{"held-id", "apply", "ci@builder (pid 7)", "0.1.0", "2024-01-01T00:00:00Z",
                                      "b/k"});
}

}  // namespace

TEST_CASE("s3_lock_store: a lock file written If-None-Match loses to an existing one and names its holder") {
    S3Harness harness({http_answer(412, "<Error><Code>PreconditionFailed</Code></Error>"), http_answer(200, holder_json())});
    auto locks = lockfile_lock_store(harness.s3, "b", "k.tflock");
    auto taken = locks->try_take("{}");
    REQUIRE(taken);
    CHECK_FALSE(*taken);
    auto holder = locks->holder();
    REQUIRE(holder);
    REQUIRE(*holder);
    CHECK((*holder)->info.id == "held-id");
    CHECK(harness.transport->requests().at(1).url == "http://127.0.0.1:9000/b/k.tflock");
}

TEST_CASE("s3_lock_store: releasing a lock file deletes it only while it is still ours") {
    S3Harness theirs({http_answer(200, holder_json())});
    REQUIRE(lockfile_lock_store(theirs.s3, "b", "k.tflock")->release("{\"ID\":\"mine\"}\n"));
    CHECK(theirs.transport->tries() == 1);  // read, not deleted

    S3Harness ours({http_answer(200, holder_json()), http_answer(204)});
    REQUIRE(lockfile_lock_store(ours.s3, "b", "k.tflock")->release(holder_json()));
    REQUIRE(ours.transport->tries() == 2);
    CHECK(ours.transport->requests().at(1).method == "DELETE");
}

TEST_CASE("s3_lock_store: a held lock times out naming its holder; force-unlock wants its ID") {
    S3Harness harness({http_answer(412), http_answer(200, holder_json())});
    S3StateBlob blob(harness.s3, "b", "k", lockfile_lock_store(harness.s3, "b", "k.tflock"));
    auto lock = blob.lock("apply", std::chrono::milliseconds{0});
    REQUIRE_FALSE(lock);
    CHECK(lock.error().summary == "Error acquiring the state lock");
    CHECK(lock.error().detail.find("ci@builder (pid 7)") != std::string::npos);
    CHECK(lock.error().detail.find("held-id") != std::string::npos);

    auto wrong = blob.force_unlock("other-id");
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().summary == "lock ID `other-id` is not the current lock's");
}
