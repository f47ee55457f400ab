#include "sync_dir.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <set>
#include <string>

#include "testgen/corpus.h"

namespace testgen {
namespace {

namespace fs = std::filesystem;

CaseRecord kept(int64_t value) {
  CaseRecord r;
  r.target = "puzzle:test";
  r.tree.root().kind = ChoiceKind::kInteger;
  r.tree.root().hi = 1000;
  r.tree.root().value = value;
  r.tree.root().forced = true;
  r.size = 3;
  return r;
}

class SyncDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tg_sync_" + std::to_string(getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(SyncDirTest, APeerTakesWhatAnotherPublishedOnceAndNeverItsOwn) {
  SyncDir a(dir_, "shard-0", 0), b(dir_, "shard-1", 0);
  CaseStore* store = a.wrap(nullptr, "puzzle:test");
  store->save(kept(7));
  store->save(kept(9));
  CaseRecord finding = kept(11);
  finding.rejected = true;
  store->save(finding);  // findings stay in the shard's corpus
  EXPECT_EQ(a.published(), 2u);
  EXPECT_TRUE(a.take("puzzle:test").empty()) << "its own cases came back";

  std::vector<ChoiceTree> got = b.take("puzzle:test");
  ASSERT_EQ(got.size(), 2u);
  std::set<int64_t> values{got[0].root().value, got[1].root().value};
  EXPECT_EQ(values, (std::set<int64_t>{7, 9}));
  EXPECT_TRUE(b.take("puzzle:test").empty()) << "taken twice";
  EXPECT_TRUE(b.take("puzzle:other").empty()) << "another target's inputs";
  EXPECT_EQ(b.imported(), 2u);
  // Kept by b in turn, an imported input is not published back.
  b.wrap(nullptr, "puzzle:test")->save(kept(7));
  EXPECT_EQ(b.published(), 0u);
}

TEST_F(SyncDirTest, SavesStillReachTheCorpusUnderneath) {
  Corpus corpus(dir_ / "corpus", "puzzle");
  SyncDir sync(dir_ / "sync", "me", 0);
  EngineOptions options;
  options.store = &corpus;
  sync.attach(options, "puzzle:test");
  ASSERT_NE(options.store, &corpus);
  ASSERT_TRUE(options.import_inputs);
  const std::string id = options.store->save(kept(5));
  EXPECT_TRUE(fs::exists(corpus.case_dir(id, false)));
  EXPECT_EQ(options.store->load().size(), 1u);
  options.store->note_progress("puzzle:test", Progress{.runs = 3}, true);
  EXPECT_TRUE(fs::exists(corpus.layout().progress_log())) << "the progress log was not passed through";
}

TEST_F(SyncDirTest, ReadsThePeersAtMostEverySoManySeconds) {
  SyncDir a(dir_, "a", 0), b(dir_, "b", 3600);
  EXPECT_TRUE(b.take("t").empty());  // the first read is immediate
  a.wrap(nullptr, "t")->save(kept(1));
  EXPECT_TRUE(b.take("t").empty()) << "read again within the hour";
}

TEST_F(SyncDirTest, DamagedAndHalfWrittenFilesAreSkipped) {
  SyncDir a(dir_, "a", 0), b(dir_, "b", 0);
  a.wrap(nullptr, "t")->save(kept(1));
  const fs::path peer_dir = fs::directory_iterator(dir_)->path() / "a";
  write_file_atomic(peer_dir / "0000000000000bad.json", "{not json");
  write_file_atomic(peer_dir / ".tmp-partial", "{");
  EXPECT_EQ(b.take("t").size(), 1u);
}

TEST_F(SyncDirTest, AnUnusableDirectoryIsAStorageError) {
  write_file_atomic(dir_.string() + "-file", "x");
  EXPECT_THROW(SyncDir(dir_.string() + "-file", "a", 0), CorpusWriteError);
  fs::remove(dir_.string() + "-file");
}

}  // namespace
}  // namespace testgen
