#include "hunt_target.h"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "emitter.h"
#include "testgen/corpus.h"
#include "suite.h"
#include "sysv_class.h"
#include "type_names.h"

namespace testgen::hunt {
namespace {

// The family of a type, for the members of an aggregate's shape.
std::string family(const abi::CType& type) {
  using abi::Kind;
  switch (type.kind) {
    case Kind::kFloat: case Kind::kDouble: return "fp";
    case Kind::kLongDouble: return "long double";
    case Kind::kPointer: case Kind::kFunctionPointer: return "pointer";
    case Kind::kBitfield: return "bitfield";
    case Kind::kArray: return "array";
    case Kind::kStruct: case Kind::kUnion: return "aggregate";
    default: return abi::is_complex(type.kind) ? "complex" : "int";
  }
}

// A type's shape: "int32", "struct{aggregate,fp,int}", "array[2-3] of struct".
// Members are a set of families and array lengths are bucketed, so that a
// feature names a kind of type, not one type: with every detail in it,
// almost every case would be new and the corpus would keep them all.
std::string shape(const abi::CType& type) {
  using abi::Kind;
  if (type.kind == Kind::kArray) {
    const char* length = type.length == 0 ? "0" : type.length == 1 ? "1" : type.length <= 3 ? "2-3" : "4+";
    return fmt::format("array[{}] of {}", length, abi::type_class(*type.target));
  }
  if (!abi::is_aggregate(type.kind)) return abi::type_class(type);
  std::vector<std::string> parts;
  for (const abi::TypePtr& m : type.members) parts.push_back(family(*m));
  std::sort(parts.begin(), parts.end());
  parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
  return fmt::format("{}{}{}{{{}}}", abi::type_class(type), type.packed ? " packed" : "",
                     type.align ? " aligned" : "", fmt::join(parts, ","));
}

// 0, 1, 2, 3-4, 5-8, 9-16, 17-32, 33+ bytes: the sizes where conventions change.
std::string size_class(uint64_t size) {
  for (uint64_t limit : {0, 1, 2, 4, 8, 16, 32})
    if (size <= limit) return fmt::format("<={}", limit);
  return ">32";
}

}  // namespace

FeatureSet shape_features(const abi::TestCase& test) {
  FeatureSet out;
  const abi::Signature& s = test.signature;
  for (size_t i = 0; i < s.args.size(); ++i) {
    // Positions past 8 behave alike: registers are gone by then on every target.
    out.add(fmt::format("param {} {}", std::min<size_t>(i, 8), abi::type_class(*s.args[i])));
    out.add(fmt::format("param {}", shape(*s.args[i])));
  }
  for (const abi::TypePtr& v : s.varargs) out.add(fmt::format("vararg {}", shape(*v)));
  out.add(fmt::format("result {}", shape(*s.result)));
  out.add(bucketed_feature("parameters", s.args.size()));
  out.add(bucketed_feature("varargs", s.varargs.size()));
  // The psABI classes: size, alignment, eightbyte classes, registers or stack.
  for (const abi::Placement& p : abi::place(s)) {
    const std::string kind = p.position.starts_with("param") ? "param" : p.position.starts_with("vararg") ? "vararg" : "result";
    const std::string where = p.on_stack ? (kind == "result" ? "memory" : "stack") : "registers";
    const std::string mix = abi::class_mix(p.classes);
    out.add(fmt::format("abi {} {} {}", kind, mix, where));
    out.add(fmt::format("abi {} size {} align {} {}", kind, size_class(p.layout.size), p.layout.align, mix));
    // A spill because registers ran out (not because of the type) is its own class.
    if (p.on_stack && mix.find("MEMORY") == std::string::npos && mix.find("X87") == std::string::npos)
      out.add(fmt::format("abi {} {} spilled", kind, mix));
  }
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
  setup_.build.arch = abi::arch_named(setup_.arch);
  for (size_t i = 0; i < setup_.lua_files.size(); ++i) {
    std::ifstream in(setup_.lua_files[i]);
    std::ostringstream text;
    text << in.rdbuf();
    // Numbered, so that replay loads them in the order they were given.
    lua_sources_.push_back({fmt::format("lua/{:02}-{}", i + 1, setup_.lua_files[i].filename().string()), text.str()});
  }
  std::filesystem::create_directories(setup_.scratch);
}

std::string HuntTarget::name() const { return fmt::format("abi:{}|{}|{}", setup_.suite, setup_.arch, setup_.pair.spec()); }

TargetSpec HuntTarget::spec() const {
  return {"abi",
          1,
          {{"suite", setup_.suite},
           {"arch", setup_.arch},
           {"caller", setup_.pair.caller.spec},
           {"callee", setup_.pair.callee.spec}}};
}

HuntSetup setup_of(const TargetSpec& spec) {
  HuntSetup setup;
  auto param = [&](const char* key) {
    auto it = spec.params.find(key);
    if (it == spec.params.end() || it->second.empty())
      throw UsageError(fmt::format("abi target_spec without params.{}", key));
    return it->second;
  };
  setup.suite = param("suite");
  setup.arch = param("arch");
  setup.pair = abi::CompilerPair{abi::parse_compiler(param("caller")), abi::parse_compiler(param("callee"))};
  return setup;
}

abi::TestCase HuntTarget::draw(const Cursor& input) {
  abi::TestCase test = cases_(input);
  test.seed = 1;  // names only: the choice tree is the reproducer
  return test;
}

RunResult HuntTarget::run(const Cursor& input) { return run_batch(std::span<const Cursor>(&input, 1)).front(); }

std::vector<RunResult> HuntTarget::run_batch(std::span<const Cursor> inputs) {
  std::vector<abi::TestCase> cases;
  cases.reserve(inputs.size());
  for (const Cursor& at : inputs) cases.push_back(draw(at));
  std::vector<RunResult> out(cases.size());
  attribute(cases, 0, cases.size(), out);
  return out;
}

std::string HuntTarget::signature_family(const std::string& signature) const {
  // The pair's spec may hold any character: count fields after it.
  const std::string head = fmt::format("{}|{}|", setup_.pair.spec(), setup_.arch);
  if (!signature.starts_with(head)) return signature;
  const size_t kind_end = signature.find('|', head.size());
  if (kind_end == std::string::npos) return signature;
  return signature.substr(0, signature.find('|', kind_end + 1));
}

size_t HuntTarget::shrink_lookahead(const RunResult& failure) const {
  // The signature is "pair|arch|kind|where|what".
  // A mismatch line names its case; a crash says which case was running.
  // Other failures (a build, a hang) would split the batch to learn whose.
  const bool told = failure.signature.find("|mismatch|") != std::string::npos ||
                    failure.signature.find("|crash|") != std::string::npos;
  return told ? setup_.shrink_lookahead : 1;
}

std::vector<RunResult> HuntTarget::run_until_failure(std::span<const Cursor> inputs) {
  std::vector<abi::TestCase> cases;
  for (const Cursor& at : inputs) cases.push_back(draw(at));
  const abi::BuildOutcome outcome = build(cases, 0, cases.size());
  using Kind = abi::BuildOutcome::Kind;
  if (cases.size() > 1 && outcome.kind == Kind::kCrash && outcome.crash_case && *outcome.crash_case < cases.size()) {
    // The cases before the crash ran to their end (their mismatch lines
    // were flushed); the crashing one is known; the rest never ran.
    std::vector<RunResult> out;
    for (size_t i = 0; i <= *outcome.crash_case; ++i) {
      abi::BuildOutcome own = outcome;
      own.mismatches.clear();
      for (const abi::Mismatch& m : outcome.mismatches)
        if (m.case_index == i) own.mismatches.push_back(m);
      if (i < *outcome.crash_case) own.kind = own.mismatches.empty() ? Kind::kPassed : Kind::kMismatch;
      out.push_back(result_of(cases[i], own, false));
    }
    return out;
  }
  std::vector<RunResult> out(cases.size());
  attribute(cases, 0, cases.size(), out, &outcome);
  return out;
}

abi::BuildOutcome HuntTarget::build(const std::vector<abi::TestCase>& cases, size_t first, size_t last) {
  {
    std::ofstream main(setup_.scratch / "case-main.c"), callee(setup_.scratch / "case-callee.c");
    abi::Emitter emitter(main, &callee, {.crash_stages = true});
    for (size_t i = first; i < last; ++i) {
      abi::TestCase named = cases[i];
      named.seed = i - first + 1;  // distinct names inside one program
      emitter.add(named);
    }
    emitter.finish();
  }
  ++builds_;
  return abi::build_and_run(runner_, setup_.scratch, "case", setup_.pair, setup_.build);
}

void HuntTarget::attribute(const std::vector<abi::TestCase>& cases, size_t first, size_t last,
                           std::vector<RunResult>& out, const abi::BuildOutcome* built) {
  const abi::BuildOutcome outcome = built ? *built : build(cases, first, last);
  using Kind = abi::BuildOutcome::Kind;
  const bool lines_tell = outcome.kind == Kind::kPassed || (outcome.kind == Kind::kMismatch && !outcome.mismatches.empty());
  if (last - first == 1 || lines_tell) {
    for (size_t i = first; i < last; ++i) {
      abi::BuildOutcome own = outcome;
      if (last - first > 1) {
        own.mismatches.clear();
        for (const abi::Mismatch& m : outcome.mismatches)
          if (m.case_index == i - first) own.mismatches.push_back(m);
        own.kind = own.mismatches.empty() ? Kind::kPassed : Kind::kMismatch;
      }
      out[i] = result_of(cases[i], own, last - first == 1);
    }
    return;
  }
  const size_t middle = first + (last - first) / 2;
  attribute(cases, first, middle, out);
  attribute(cases, middle, last, out);
}

RunResult HuntTarget::result_of(const abi::TestCase& test, const abi::BuildOutcome& outcome, bool alone) const {
  RunResult result;
  result.features = shape_features(test);
  if (outcome.kind == abi::BuildOutcome::Kind::kPassed) return result;
  result.verdict = Verdict::kFail;
  result.signature = abi::signature_of(test, setup_.pair, setup_.arch, outcome).key();
  if (!outcome.mismatches.empty()) {
    const abi::Mismatch& m = outcome.mismatches.front();
    result.detail = fmt::format("{} {}: expected {} received {}", m.function, m.field, m.expected, m.received);
  } else {
    result.detail = outcome.detail.substr(0, 2000);
  }
  // Only a program of this one case is a reproducer (a shrink step or a replay).
  if (alone) result.artifacts = reproducer(test, outcome, result.signature);
  return result;
}

std::vector<Artifact> HuntTarget::reproducer(const abi::TestCase& test, const abi::BuildOutcome& outcome,
                                             const std::string& signature) const {
  std::vector<Artifact> files;
  for (const char* name : {"case-main.c", "case-callee.c"}) {
    std::ifstream in(setup_.scratch / name);
    std::ostringstream text;
    text << in.rdbuf();
    files.push_back({name, text.str()});
  }
  std::string script = fmt::format(
      "#!/bin/sh\n# Rebuilds and runs this reproducer ({}).\n# A build step that fails exits 126; otherwise the "
      "status is the program's: 0 once the bug is gone,\n# the number of mismatches (1-125), or 128+N for signal N.\n"
      "cd \"$(dirname \"$0\")\" || exit 126\n",
      setup_.pair.spec());
  for (size_t i = 0; i < outcome.commands.size(); ++i)
    script += outcome.commands[i] + (i + 1 < outcome.commands.size() ? " || exit 126\n" : "\n");
  files.push_back({"commands.sh", script, true});

  std::string report = fmt::format("signature: {}\npair:      {} (caller: {}, callee: {})\narch:      {}\n"
                                   "outcome:   {}\nfunction:  {}\n",
                                   signature, setup_.pair.spec(), setup_.pair.caller.spec, setup_.pair.callee.spec,
                                   setup_.arch, abi::kind_name(outcome.kind), prototype(test));
  for (const abi::Mismatch& m : outcome.mismatches) {
    const abi::CType* leaf = abi::leaf_at(test, m.field);
    report += fmt::format("\nfield:     {}{}\nexpected:  {}\nreceived:  {}\n", m.field,
                          leaf ? fmt::format(" ({})", abi::type_class(*leaf)) : "", m.expected, m.received);
  }
  if (outcome.mismatches.empty()) report += fmt::format("\n{}\n", outcome.detail);
  report += "\ncommands (also in commands.sh, run from this directory):\n";
  for (const std::string& c : outcome.commands) report += "  " + c + "\n";
  files.push_back({"report.txt", report});
  files.insert(files.end(), lua_sources_.begin(), lua_sources_.end());
  return files;
}

std::string HuntTarget::describe(const Cursor& input) { return prototype(draw(input)); }

namespace {

class OwningHuntTarget : public Target {
 public:
  OwningHuntTarget(std::shared_ptr<script::Interpreter> lua, HuntSetup setup)
      : scratch_(std::filesystem::temp_directory_path(), "testgen-replay"),
        target_(std::move(lua), with_scratch(std::move(setup), scratch_.path()), runner_) {}
  std::string name() const override { return target_.name(); }
  TargetSpec spec() const override { return target_.spec(); }
  RunResult run(const Cursor& input) override { return target_.run(input); }
  std::string describe(const Cursor& input) override { return target_.describe(input); }

 private:
  static HuntSetup with_scratch(HuntSetup setup, const std::filesystem::path& dir) {
    setup.scratch = dir;
    return setup;
  }
  ScratchDir scratch_;  // first: the target builds in it
  SubprocessRunner runner_;
  HuntTarget target_;
};

}  // namespace

std::unique_ptr<Target> make_hunt_target(HuntSetup setup, const std::filesystem::path& case_dir, bool unsafe_lua) {
  std::shared_ptr<script::Interpreter> lua = quest::make_interpreter(1, unsafe_lua);
  const std::filesystem::path lua_dir = case_dir / "lua";
  if (std::filesystem::is_directory(lua_dir)) {
    for (const auto& entry : std::filesystem::directory_iterator(lua_dir))
      if (entry.path().extension() == ".lua") setup.lua_files.push_back(entry.path());
    std::sort(setup.lua_files.begin(), setup.lua_files.end());  // numbered in the order given
    for (const std::filesystem::path& file : setup.lua_files) lua->run_file(file);
  }
  bool known = false;
  for (const quest::SuiteInfo& s : quest::list_suites(*lua))
    if (s.name == setup.suite) {
      setup.dialect = s.dialect;
      known = true;
    }
  if (!known) throw quest::UnknownSuite(fmt::format("unknown suite '{}' (see 'testgen quest -list')", setup.suite));
  return std::make_unique<OwningHuntTarget>(std::move(lua), std::move(setup));
}

}  // namespace testgen::hunt
