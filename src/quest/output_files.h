#pragma once
// Where quest's Lua writes C: standard output, or files that appear only
// when the whole run succeeded. A file opened with File.open_out is written
// under a temporary name; commit() renames every file into place together
// (all or none), and files never committed are removed, so a failed or
// interrupted run leaves nothing half-written.

#include <cstdio>
#include <fstream>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace testgen::quest {

/// A std::ostream over a C stream without a buffer of its own, so that C++
/// writes and Lua's io.write/print to the same stdout stay in order.
class CFileBuffer : public std::streambuf {
 public:
  explicit CFileBuffer(FILE* file) : file_(file) {}

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  FILE* file_;
};

class OutputFile {
 public:
  /// Standard output or error.
  explicit OutputFile(FILE* standard, std::string name);
  /// A file written under `path`.tmp-PID until committed.
  explicit OutputFile(std::string path);
  ~OutputFile();

  std::ostream& stream() { return *out_; }
  const std::string& name() const { return name_; }
  bool closed() const { return closed_; }
  bool is_standard() const { return standard_ != nullptr; }
  /// Throws StorageError naming the file if a write failed.
  void check() const;
  /// Flushes and closes a file (a standard stream is only flushed).
  void close();

 private:
  friend class OutputFiles;
  FILE* standard_ = nullptr;
  std::string name_, temp_;
  std::unique_ptr<CFileBuffer> buffer_;
  std::unique_ptr<std::ostream> out_;
  bool closed_ = false, committed_ = false;
};

class OutputFiles {
 public:
  ~OutputFiles();
  std::shared_ptr<OutputFile> open(const std::string& path);
  /// Closes what is still open and renames every file into place, or none.
  void commit();
  /// Removes every file not yet committed.
  void discard();

 private:
  std::vector<std::shared_ptr<OutputFile>> files_;
};

}  // namespace testgen::quest
