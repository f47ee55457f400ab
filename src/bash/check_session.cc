#include "check_session.h"

#include <chrono>
#include <map>

#include "crate_writer.h"
#include "input_model.h"
#include "lower.h"

namespace testgen::bash {

InputModel reachable_model(const Translation& t, const TranslatedFunction& f) {
  std::map<std::string, const TranslatedFunction*> by_name;
  for (const TranslatedFunction& g : t.functions) by_name[g.function->name] = &g;
  InputModel model = model_function(*f.function);
  std::set<std::string> seen{f.function->name};
  std::vector<std::string> todo(f.callees.begin(), f.callees.end());
  while (!todo.empty()) {
    std::string name = todo.back();
    todo.pop_back();
    if (!seen.insert(name).second) continue;
    auto it = by_name.find(name);
    if (it == by_name.end()) continue;
    merge_model(model, model_function(*it->second->function));
    todo.insert(todo.end(), it->second->callees.begin(), it->second->callees.end());
  }
  return model;
}

CheckSession::CheckSession(std::string script_path, std::string source, std::filesystem::path crate_dir, BashOptions bash,
                           bool format)
    : script_(std::make_unique<Script>(lower_script(script_path, std::move(source)))),
      translation_(translate(*script_)),
      crate_dir_(std::move(crate_dir)) {
  std::string crate = crate_name_for(script_path);
  if (crate_dir_.empty()) {
    crate_scratch_ = std::make_unique<ScratchDir>(std::filesystem::temp_directory_path(), "bash-crate");
    crate_dir_ = crate_scratch_->path() / crate;
  }
  write_crate(translation_, crate_dir_, {.name = crate, .format = format});
  if (translation_.functions.empty()) return;
  auto start = std::chrono::steady_clock::now();
  std::filesystem::path harness = build_harness(crate_dir_);
  build_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run_scratch_ = std::make_unique<ScratchDir>(std::filesystem::temp_directory_path(), "bash-check");
  bash_ = std::make_unique<BashSide>(*script_, run_scratch_->path(), std::move(bash));
  rust_ = std::make_unique<RustSide>(harness, run_scratch_->path(), bash_->environment());
}

CheckSession::~CheckSession() = default;

std::unique_ptr<CheckTarget> CheckSession::target(const std::string& name) {
  for (const TranslatedFunction& f : translation_.functions)
    if (f.function->name == name)
      return std::make_unique<CheckTarget>(script_->path, name, reachable_model(translation_, f), *bash_, *rust_,
                                           script_->source);
  return nullptr;
}

}  // namespace testgen::bash
