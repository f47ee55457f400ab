#include "output_files.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "testgen/errors.h"

namespace testgen::quest {
namespace fs = std::filesystem;

CFileBuffer::int_type CFileBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  return std::fputc(c, file_) == EOF ? traits_type::eof() : c;
}

std::streamsize CFileBuffer::xsputn(const char* s, std::streamsize n) {
  return static_cast<std::streamsize>(std::fwrite(s, 1, static_cast<size_t>(n), file_));
}

int CFileBuffer::sync() { return std::fflush(file_) == 0 ? 0 : -1; }

OutputFile::OutputFile(FILE* standard, std::string name)
    : standard_(standard), name_(std::move(name)), buffer_(std::make_unique<CFileBuffer>(standard)),
      out_(std::make_unique<std::ostream>(buffer_.get())) {}

OutputFile::OutputFile(std::string path) : name_(std::move(path)), temp_(fmt::format("{}.tmp-{}", name_, getpid())) {
  auto file = std::make_unique<std::ofstream>(temp_, std::ios::binary);
  if (!*file) throw StorageError(fmt::format("cannot write {}: {}", name_, std::strerror(errno)));
  out_ = std::move(file);
}

OutputFile::~OutputFile() {
  if (standard_ || committed_) return;
  out_.reset();
  std::error_code ignored;
  fs::remove(temp_, ignored);
}

void OutputFile::check() const {
  if (standard_ ? std::ferror(standard_) != 0 : out_->fail())
    throw StorageError(fmt::format("writing the output failed: {} (disk full, or the reader went away?)", name_));
}

void OutputFile::close() {
  out_->flush();
  check();
  if (standard_) return;
  if (!closed_) static_cast<std::ofstream&>(*out_).close();
  closed_ = true;
  check();
}

OutputFiles::~OutputFiles() { discard(); }

std::shared_ptr<OutputFile> OutputFiles::open(const std::string& path) {
  for (const auto& f : files_)
    if (f->name_ == path && !f->committed_)
      throw StorageError(fmt::format("{} is already open for writing in this run", path));
  files_.push_back(std::make_shared<OutputFile>(path));
  return files_.back();
}

void OutputFiles::commit() {
  for (const auto& f : files_) f->close();
  // Old files are kept aside (hard links) until every new one is in place,
  // and put back if one rename fails.
  struct Step {
    OutputFile* file;
    std::string backup;
    bool had_old = false, renamed = false;
  };
  std::vector<Step> steps;
  for (const auto& f : files_)
    if (!f->committed_) steps.push_back({f.get(), f->temp_ + ".old"});
  std::error_code ec;
  auto roll_back = [&](const std::string& what, const std::string& why) {
    std::error_code ignored;
    for (Step& s : steps) {
      if (s.renamed && s.had_old) fs::rename(s.backup, s.file->name_, ignored);
      else if (s.renamed) fs::remove(s.file->name_, ignored);
      if (s.had_old) fs::remove(s.backup, ignored);
    }
    throw StorageError(fmt::format("cannot write {}: {}; no output file was changed", what, why));
  };
  for (Step& s : steps) {
    s.had_old = fs::is_regular_file(s.file->name_, ec);  // a missing file sets ec too: no old file
    if (!s.had_old) continue;
    fs::create_hard_link(s.file->name_, s.backup, ec);
    if (ec) {
      s.had_old = false;
      roll_back(s.file->name_, ec.message());
    }
  }
  for (Step& s : steps) {
    fs::rename(s.file->temp_, s.file->name_, ec);
    if (ec) roll_back(s.file->name_, ec.message());
    s.renamed = true;
  }
  for (Step& s : steps) {
    if (s.had_old) fs::remove(s.backup, ec);
    s.file->committed_ = true;
  }
}

void OutputFiles::discard() {
  for (const auto& f : files_) {
    if (f->committed_) continue;
    f->out_.reset();
    std::error_code ignored;
    fs::remove(f->temp_, ignored);
    f->committed_ = true;  // nothing left to remove
  }
}

}  // namespace testgen::quest
