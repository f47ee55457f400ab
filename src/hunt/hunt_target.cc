#include "hunt_target.h"

#include <fmt/format.h>

#include <unistd.h>

#include <fstream>

#include "emitter.h"
#include "suite.h"
#include "type_names.h"

namespace testgen::hunt {
namespace {

// A type's shape two levels deep: "struct{double,struct{..}}", "int32".
std::string shape(const abi::CType& type, int depth) {
  using abi::Kind;
  if (abi::is_aggregate(type.kind) || type.kind == Kind::kArray) {
    if (depth == 0) return type.kind == Kind::kArray ? "array" : abi::type_class(type);
    std::vector<std::string> parts;
    if (type.kind == Kind::kArray) return fmt::format("{}[{}]", shape(*type.target, depth - 1), type.length);
    for (const abi::TypePtr& m : type.members) parts.push_back(shape(*m, depth - 1));
    return fmt::format("{}{}{{{}}}", abi::type_class(type), type.packed ? " packed" : "", fmt::join(parts, ","));
  }
  return abi::type_class(type);
}

}  // namespace

FeatureSet shape_features(const abi::TestCase& test) {
  FeatureSet out;
  const abi::Signature& s = test.signature;
  for (size_t i = 0; i < s.args.size(); ++i) {
    // Positions past 8 behave alike: registers are gone by then on every target.
    out.add(fmt::format("param {} {}", std::min<size_t>(i, 8), shape(*s.args[i], 2)));
    out.add(fmt::format("param {}", shape(*s.args[i], 1)));
  }
  for (const abi::TypePtr& v : s.varargs) out.add(fmt::format("vararg {}", shape(*v, 2)));
  out.add(fmt::format("result {}", shape(*s.result, 2)));
  out.add(bucketed_feature("parameters", s.args.size()));
  out.add(bucketed_feature("varargs", s.varargs.size()));
  return out;
}

std::string prototype(const abi::TestCase& test) {
  std::vector<std::string> params;
  for (const abi::TypePtr& a : test.signature.args) params.push_back(abi::TypeNames::describe(a));
  if (!test.signature.varargs.empty()) {
    std::vector<std::string> extra;
    for (const abi::TypePtr& v : test.signature.varargs) extra.push_back(abi::TypeNames::describe(v));
    params.push_back(fmt::format("... /* {} */", fmt::join(extra, ", ")));
  }
  return fmt::format("{} f({})", abi::TypeNames::describe(test.signature.result),
                     params.empty() ? "void" : fmt::format("{}", fmt::join(params, ", ")));
}

HuntTarget::HuntTarget(std::shared_ptr<script::Interpreter> lua, HuntSetup setup, ProcessRunner& runner)
    : lua_(std::move(lua)),
      setup_(std::move(setup)),
      runner_(runner),
      cases_(quest::case_generator(*lua_, setup_.suite, abi::ValueMode::kFull)) {
  std::filesystem::create_directories(setup_.scratch);
}

std::string HuntTarget::name() const { return fmt::format("abi:{}|{}|{}", setup_.suite, setup_.arch, setup_.pair.spec()); }

abi::TestCase HuntTarget::draw(const Cursor& input) {
  abi::TestCase test = cases_(input);
  test.seed = 1;  // names only: the choice tree is the reproducer
  return test;
}

RunResult HuntTarget::run(const Cursor& input) {
  last_case_ = draw(input);
  {
    std::ofstream main(setup_.scratch / "case-main.c"), callee(setup_.scratch / "case-callee.c");
    abi::Emitter emitter(main, &callee, {});
    emitter.add(last_case_);
    emitter.finish();
  }
  last_outcome_ = abi::build_and_run(runner_, setup_.scratch, "case", setup_.pair, setup_.build);
  RunResult result;
  result.features = shape_features(last_case_);
  if (last_outcome_.kind == abi::BuildOutcome::Kind::kPassed) return result;
  result.verdict = Verdict::kFail;
  result.signature = abi::signature_of(last_case_, setup_.pair, setup_.arch, last_outcome_).key();
  if (!last_outcome_.mismatches.empty()) {
    const abi::Mismatch& m = last_outcome_.mismatches.front();
    result.detail = fmt::format("{} {}: expected {} received {}", m.function, m.field, m.expected, m.received);
  } else {
    result.detail = last_outcome_.detail.substr(0, 2000);
  }
  return result;
}

std::string HuntTarget::describe(const Cursor& input) { return prototype(draw(input)); }

bool parse_target_name(const std::string& name, HuntSetup& setup, std::string& error) {
  const std::string prefix = "abi:";
  const size_t first = name.find('|'), second = first == std::string::npos ? first : name.find('|', first + 1);
  if (!name.starts_with(prefix) || second == std::string::npos) {
    error = fmt::format("'{}' is not an abi target (abi:SUITE|ARCH|CALLER:CALLEE)", name);
    return false;
  }
  setup.suite = name.substr(prefix.size(), first - prefix.size());
  setup.arch = name.substr(first + 1, second - first - 1);
  try {
    setup.pair = abi::parse_pair(name.substr(second + 1));
  } catch (const abi::ToolchainError& e) {
    error = e.what();
    return false;
  }
  return true;
}

namespace {

class OwningHuntTarget : public Target {
 public:
  explicit OwningHuntTarget(HuntSetup setup)
      : scratch_(setup.scratch), target_(quest::make_interpreter(1), std::move(setup), runner_) {}
  ~OwningHuntTarget() override {
    std::error_code ignored;
    std::filesystem::remove_all(scratch_, ignored);
  }
  std::string name() const override { return target_.name(); }
  RunResult run(const Cursor& input) override { return target_.run(input); }
  std::string describe(const Cursor& input) override { return target_.describe(input); }

 private:
  std::filesystem::path scratch_;
  SubprocessRunner runner_;
  HuntTarget target_;
};

}  // namespace

std::unique_ptr<Target> make_hunt_target(const std::string& name, std::string& error) {
  HuntSetup setup;
  if (!parse_target_name(name, setup, error)) return nullptr;
  auto lua = quest::make_interpreter(1);
  for (const quest::SuiteInfo& s : quest::list_suites(*lua))
    if (s.name == setup.suite) setup.dialect = s.dialect;
  setup.scratch = std::filesystem::temp_directory_path() / fmt::format("testgen-replay-{}", ::getpid());
  try {
    return std::make_unique<OwningHuntTarget>(std::move(setup));
  } catch (const quest::UnknownSuite& e) {
    error = e.what();
    return nullptr;
  }
}

}  // namespace testgen::hunt
