#include "bash_front.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "check_session.h"

namespace testgen::bash {
namespace {

// A check target together with the session it runs in.
class SessionTarget : public Target {
 public:
  SessionTarget(std::unique_ptr<CheckSession> session, std::unique_ptr<CheckTarget> target)
      : session_(std::move(session)), target_(std::move(target)) {}
  std::string name() const override { return target_->name(); }
  TargetSpec spec() const override { return target_->spec(); }
  RunResult run(const Cursor& input) override { return target_->run(input); }
  std::vector<RunResult> run_batch(std::span<const Cursor> inputs) override { return target_->run_batch(inputs); }
  std::string describe(const Cursor& input) override { return target_->describe(input); }

 private:
  std::unique_ptr<CheckSession> session_;
  std::unique_ptr<CheckTarget> target_;
};

}  // namespace

std::unique_ptr<Target> BashFront::make_target(const TargetSpec& spec, const std::filesystem::path& case_dir,
                                               const FrontOptions&) const {
  auto param = [&](const char* key) {
    auto it = spec.params.find(key);
    return it == spec.params.end() ? std::string() : it->second;
  };
  std::string script = param("script"), function = param("function");
  if (spec.version != 1 || script.empty() || function.empty())
    throw CorpusError(fmt::format("{}: target_spec is not a bash spec this testgen reads (version 1, params.script, "
                                  "params.function)",
                                  (case_dir / "case.json").string()));
  // The script as it was when the case was found, else the one at its path.
  std::filesystem::path kept = case_dir / "script.sh";
  std::ifstream in(std::filesystem::exists(kept) ? kept : std::filesystem::path(script), std::ios::binary);
  if (!in) throw CorpusError(fmt::format("{}: neither script.sh nor {} can be read", case_dir.string(), script));
  std::ostringstream text;
  text << in.rdbuf();
  auto session = std::make_unique<CheckSession>(script, text.str(), std::filesystem::path(), BashOptions{});
  std::unique_ptr<CheckTarget> target = session->target(function);
  if (!target)
    throw CorpusError(fmt::format("{}: function '{}' of {} is not translated any more", (case_dir / "case.json").string(),
                                  function, script));
  return std::make_unique<SessionTarget>(std::move(session), std::move(target));
}

}  // namespace testgen::bash
