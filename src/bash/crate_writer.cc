#include "crate_writer.h"

#include <fmt/format.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fstream>

#include "lower.h"
#include "runtime_files.h"
#include "rust_emitter.h"
#include "testgen/corpus.h"
#include "testgen/errors.h"
#include "testgen/process.h"
#include "test_writer.h"

namespace testgen::bash {
namespace fs = std::filesystem;
namespace {

constexpr const char* kMarker = ".testgen-crate";

// Bash comments as a rustdoc `text` block: never markdown, never a doc test.
std::string doc_block(const std::vector<std::string>& lines, const char* prefix) {
  if (lines.empty()) return "";
  std::string out = fmt::format("{}\n{} ```text\n", prefix, prefix);
  for (const std::string& l : lines) out += fmt::format("{} {}\n", prefix, l);
  return out + fmt::format("{} ```\n", prefix);
}

// The typed wrapper: parameters and result as inferred (signature.cc).
std::string wrapper(const TranslatedFunction& tf, const std::string& examples) {
  const Signature& sig = tf.signature;
  const Function& f = *tf.function;
  std::string doc, params, prelude, args;
  if (sig.variadic) {
    params = "args: &[&str]";
    args = "args";
    doc += "/// Takes any number of arguments (it uses `$@`, `$#` or `shift`).\n";
  } else {
    std::vector<std::string> names;
    for (const Parameter& p : sig.params) {
      params += (params.empty() ? "" : ", ") + p.name + (p.integer ? ": i64" : p.path ? ": &std::path::Path" : ": &str");
      if (p.integer) prelude += fmt::format("    let {} = {}.to_string();\n", p.name, p.name);
      if (p.path) prelude += fmt::format("    let {} = {}.to_string_lossy();\n", p.name, p.name);
      names.push_back((p.integer || p.path ? "&" : "") + p.name);
      if (p.path) doc += fmt::format("/// `{}` is a path: it is only used as a file name.\n", p.name);
      else if (!p.integer && !p.why_text.empty())
        doc += fmt::format("/// `{}` stays a string: it is {}.\n", p.name, p.why_text);
    }
    args = "&[";
    for (size_t i = 0; i < names.size(); ++i) args += (i ? ", " : "") + names[i];
    args += "]";
  }
  std::string result, body;
  switch (sig.result) {
    case ResultKind::kInteger:
      result = "i64";
      doc += "/// It always prints one integer and succeeds: that integer is the result.\n";
      body = fmt::format("{}    let output = crate::invoke(run, {});\n    output.stdout.trim_end().parse().unwrap_or_default()\n",
                         prelude, args);
      break;
    case ResultKind::kText:
      result = "String";
      doc += "/// It prints text and succeeds: the result is that text, without the newlines\n"
             "/// that end it (as `$(...)` would give it).\n";
      body = fmt::format(
          "{}    let mut text = crate::invoke(run, {}).stdout;\n    while text.ends_with('\\n') {{\n        text.pop();\n    }}\n"
          "    text\n",
          prelude, args);
      break;
    case ResultKind::kStatus:
      result = "bool";
      doc += "/// It prints nothing: the result is whether its exit status is 0.\n";
      body = fmt::format("{}    crate::invoke(run, {}).status == 0\n", prelude, args);
      break;
    case ResultKind::kOutput:
      result = "crate::Output";
      doc += fmt::format("/// The result is what it prints and its exit status ({}).\n", sig.why_output);
      body = fmt::format("{}    crate::invoke(run, {})\n", prelude, args);
      break;
  }
  std::string effects;
  if (sig.writes_files) effects += "/// - writes files\n";
  for (const std::string& c : sig.commands_run) effects += fmt::format("/// - runs the external command `{}`\n", c);
  for (const std::string& g : sig.globals_set) effects += fmt::format("/// - sets `{}` outside its own scope\n", g);
  if (sig.reads_stdin) effects += "/// - reads standard input\n";
  if (!effects.empty()) doc += "///\n/// Side effects:\n" + effects;
  std::string out = fmt::format("/// `{}`, run as bash runs it.\n///\n{}", f.name, doc);
  if (!f.doc.empty()) out += "///\n/// The comment above it in the script:\n" + doc_block(f.doc, "///");
  out += examples;
  return out + fmt::format("pub fn {}({}) -> {} {{\n{}}}\n", tf.module, params, result, body);
}

std::string module_file(const TranslatedFunction& tf, const std::string& script, const CrateTests* tests) {
  const Function& f = *tf.function;
  std::string uses = "use crate::shell::{";
  bool shell_module = tf.body.find("shell::") != std::string::npos;
  uses += shell_module ? "self, Shell, Status};\n" : "Shell, Status};\n";
  if (tf.body.find("Fields::") != std::string::npos) uses += "use crate::shell::expand::Fields;\n";
  std::string out = fmt::format("//! `{}` from `{}` (line {}), translated from bash by testgen.\n\n{}\n", f.name, script,
                                f.pos.line, uses);
  std::string examples;
  if (tests && tests->examples.count(tf.module)) examples = tests->examples.at(tf.module);
  out += wrapper(tf, examples) + "\n";
  out += fmt::format(
      "/// `{}` with bash's calling convention: the arguments are the shell's\n"
      "/// positional parameters, the output goes to `sh.out`, the status is returned.\n"
      "pub fn run(sh: &mut Shell) -> Status {{\n{}}}\n",
      f.name, tf.body);
  return out;
}

std::string lib_file(const Translation& t, const std::string& script) {
  std::string out = fmt::format(
      "//! The functions of `{}`, translated from bash by testgen.\n//!\n"
      "//! Each module has a wrapper named after the function (arguments in, an\n"
      "//! [`Output`] out) and `run`, the translation itself, which keeps bash's\n"
      "//! meaning: dynamic scoping, word splitting, `$?` and all.\n\n"
      "pub mod shell;\n",
      script);
  for (const TranslatedFunction& f : t.functions) out += fmt::format("pub mod {};\n", f.module);
  out += "\n";
  for (const TranslatedFunction& f : t.functions) out += fmt::format("pub use {}::{};\n", f.module, f.module);
  out +=
      "\nuse shell::{Abort, Shell, Status};\n\n"
      "/// What a call printed on standard output, and its exit status.\n"
      "#[derive(Debug, Clone, PartialEq, Eq)]\n"
      "pub struct Output {\n    pub stdout: String,\n    pub status: i32,\n}\n\n"
      "/// The script's constant globals, set before any function runs.\n";
  if (t.script->globals.empty()) {
    out += "pub fn init_globals(_sh: &mut Shell) {}\n\n";
  } else {
    out += "pub fn init_globals(sh: &mut Shell) {\n";
    for (const Global& g : t.script->globals) {
      std::string value;
      g.assignment.value.literal(value);
      out += fmt::format("    let _ = sh.set({}, String::from({}));\n", rust_string(g.name), rust_string(value));
    }
    out += "}\n\n";
  }
  out +=
      "/// Calls a translated function in a fresh shell.\n"
      "pub fn invoke(f: fn(&mut Shell) -> Status, args: &[&str]) -> Output {\n"
      "    invoke_with_input(f, args, \"\")\n}\n\n"
      "/// Calls a translated function in a fresh shell whose standard input is `input`.\n"
      "pub fn invoke_with_input(f: fn(&mut Shell) -> Status, args: &[&str], input: &str) -> Output {\n"
      "    let mut sh = Shell::new();\n    init_globals(&mut sh);\n    sh.set_stdin(input.to_string());\n"
      "    let args = args.iter().map(|a| a.to_string()).collect();\n"
      "    let status = match sh.call(f, args) {\n        Ok(s) => s,\n        Err(Abort(s)) => s,\n    };\n"
      "    Output {\n        stdout: sh.out,\n        status,\n    }\n}\n\n"
      "/// The translated function called `name`.\n"
      "pub fn lookup(name: &str) -> Option<fn(&mut Shell) -> Status> {\n";
  if (t.functions.empty()) {
    out += "    let _ = name;\n    None\n}\n\n";
  } else {
    out += "    match name {\n";
    for (const TranslatedFunction& f : t.functions)
      out += fmt::format("        {} => Some({}::run),\n", rust_string(f.function->name), f.module);
    out += "        _ => None,\n    }\n}\n\n";
  }
  out +=
      "/// Runs a command whose name is only known at run time.\n"
      "pub fn dispatch(sh: &mut Shell, argv: &[String]) -> Status {\n"
      "    let Some(name) = argv.first() else {\n        return Ok(0);\n    };\n"
      "    match lookup(name) {\n        Some(f) => sh.call(f, argv[1..].to_vec()),\n"
      "        None => shell::builtins::run(sh, argv),\n    }\n}\n";
  return out;
}

std::string harness_file(const std::string& crate) {
  return fmt::format(R"RUST(//! Runs translated functions on requests from standard input, one per line,
//! for testgen's check against bash. Each field of a request is `x` and the
//! hex of its bytes: the standard input, the function's name, then its
//! arguments. Each answer is
//! a line `STATUS xOUT xFILES`: the exit status, what the function printed,
//! and the files it left in the fresh directory it ran in (`name size`
//! lines). The directories are made under $TESTGEN_HARNESS_DIR (default: the
//! system's temporary directory).

use std::io::{{BufRead, Write}};
use std::path::{{Path, PathBuf}};

fn hex(bytes: &[u8]) -> String {{
    let mut out = String::with_capacity(1 + 2 * bytes.len());
    out.push('x');
    for b in bytes {{
        out.push_str(&format!("{{b:02x}}"));
    }}
    out
}}

fn unhex(field: &str) -> Option<String> {{
    let digits = field.strip_prefix('x')?;
    let bytes: Option<Vec<u8>> = (0..digits.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok())
        .collect();
    String::from_utf8(bytes?).ok()
}}

fn answer(line: &str, scratch: &Path) -> String {{
    let fields: Option<Vec<String>> = line.split(' ').map(unhex).collect();
    let Some([input, name, args @ ..]) = fields.as_deref() else {{
        return "malformed".to_string();
    }};
    let Some(f) = {crate}::lookup(name) else {{
        return "unknown".to_string();
    }};
    let _ = std::fs::remove_dir_all(scratch);
    if std::fs::create_dir_all(scratch).is_err() || std::env::set_current_dir(scratch).is_err() {{
        return "no-scratch".to_string();
    }}
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = {crate}::invoke_with_input(f, &args, input);
    let files = {crate}::shell::file_listing(scratch);
    format!("{{}} {{}} {{}}", output.status, hex(output.stdout.as_bytes()), hex(files.as_bytes()))
}}

fn serve() {{
    let base = std::env::var_os("TESTGEN_HARNESS_DIR").map_or_else(std::env::temp_dir, PathBuf::from);
    let scratch = base.join(format!("harness-{{}}", std::process::id()));
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {{
        let Ok(line) = line else {{ break }};
        let reply = answer(&line, &scratch);
        if writeln!(out, "{{reply}}").and_then(|()| out.flush()).is_err() {{
            break;
        }}
    }}
    let _ = std::env::set_current_dir(&base);
    let _ = std::fs::remove_dir_all(&scratch);
}}

fn main() {{
    // Deep recursion (a function calling itself through $( )) needs a big stack.
    let worker = std::thread::Builder::new().stack_size(1 << 30).spawn(serve);
    if !worker.is_ok_and(|w| w.join().is_ok()) {{
        std::process::exit(101);
    }}
}}
)RUST",
                     fmt::arg("crate", crate));
}

std::string cargo_toml(const std::string& crate, bool proptest) {
  std::string dev = proptest ? "\n[dev-dependencies]\n"
                               "# Debian's proptest (librust-proptest+std-dev), found through .cargo/config.toml.\n"
                               "proptest = { version = \"1\", default-features = false, features = [\"std\"] }\n"
                             : "";
  return fmt::format(
      "[package]\nname = \"{}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n"
      "description = \"bash functions translated to Rust by testgen\"\n\n"
      "[lib]\npath = \"src/lib.rs\"\n\n"
      "[[bin]]\nname = \"harness\"\npath = \"src/bin/harness.rs\"\n\n"
      "[dependencies]\n{}\n"
      "# A crate of its own, even when written inside another workspace.\n[workspace]\n",
      crate, dev);
}

std::string readme(const Translation& t, const std::string& crate, const std::string& script) {
  std::string out = fmt::format(
      "# {}\n\nThe functions of `{}`, translated from bash to Rust by testgen.\n\n"
      "## Layout\n\n```text\n"
      "src/lib.rs            the crate: Output, invoke, lookup, dispatch\n"
      "src/<function>.rs     one translated function (wrapper + run)\n"
      "src/shell/            bash's semantics the translations share\n"
      "src/bin/harness.rs    the harness testgen's check runs against bash\n"
      "```\n\n## Functions\n\n| function | line | status |\n|---|---|---|\n",
      crate, script);
  for (const TranslatedFunction& f : t.functions)
    out += fmt::format("| `{}` | {} | translated |\n", f.function->name, f.function->pos.line);
  for (const Refusal& r : t.refused)
    out += fmt::format("| `{}` | {} | refused: unsupported `{}` at {}:{} |\n", r.function, r.pos.line, r.construct,
                       r.pos.line, r.pos.col);
  out += fmt::format(
      "\n## Use\n\n```sh\ncargo build\ncargo clippy --all-targets -- -D warnings\n```\n\n"
      "Each translation is checked against bash itself with `testgen bash {} --check`.\n",
      script);
  return out;
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw StorageError(fmt::format("cannot write {}", path.string()));
}

}  // namespace

std::string crate_name_for(const fs::path& script) {
  std::string name = rust_ident(script.stem().string());
  while (!name.empty() && name.back() == '_') name.pop_back();
  return name.empty() ? "translated" : name;
}

void write_crate(const Translation& t, const fs::path& dir_in, const CrateOptions& options) {
  fs::path dir = dir_in;
  if (!dir.has_filename()) dir = dir.parent_path();  // a trailing slash
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir)) throw UsageError(fmt::format("{} exists and is not a directory", dir.string()));
    if (!fs::is_empty(dir) && !fs::exists(dir / kMarker))
      throw UsageError(fmt::format("{} is not empty and was not written by testgen; refusing to overwrite it", dir.string()));
  }
  fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
  fs::create_directories(parent, ec);
  fs::path staging = parent / fmt::format(".{}.tmp-{}", dir.filename().string(), getpid());
  fs::remove_all(staging, ec);
  std::string script = t.script->path;
  try {
    write(staging / kMarker, fmt::format("generated by testgen from {}\n", script));
    const CrateTests* tests = options.tests;
    write(staging / "Cargo.toml", cargo_toml(options.name, tests && tests->proptest));
    // The complexity gate (clippy's cognitive_complexity) reads its threshold here.
    write(staging / "clippy.toml", "cognitive-complexity-threshold = 9\n");
    std::vector<std::string> to_format = {(staging / "src" / "lib.rs").string(), (staging / "src" / "bin" / "harness.rs").string()};
    if (tests)
      for (const auto& [path, text] : tests->files) {
        write(staging / path, text);
        if (path.rfind("tests/", 0) == 0 && path.find("/common/") == std::string::npos) to_format.push_back((staging / path).string());
      }
    write(staging / "README.md", readme(t, options.name, script));
    write(staging / "src" / "lib.rs", lib_file(t, script));
    write(staging / "src" / "bin" / "harness.rs", harness_file(options.name));
    for (const RuntimeFile& rf : runtime_files()) write(staging / "src" / "shell" / std::string(rf.name), std::string(rf.text));
    for (const TranslatedFunction& f : t.functions) write(staging / "src" / (f.module + ".rs"), module_file(f, script, tests));
    if (options.format) {
      // rustfmt formats lib.rs and every module it declares.
      SubprocessRunner runner;
      std::vector<std::string> argv = {"rustfmt", "--edition", "2021"};
      argv.insert(argv.end(), to_format.begin(), to_format.end());
      ProcessResult r = runner.run({.argv = argv, .timeout = std::chrono::seconds(120)});
      if (!r.spawn_failed && !r.ok())
        throw GenerationError(fmt::format("rustfmt rejected the generated code ({}): {}", r.describe(), printable(r.err)));
    }
    // Keep an earlier build's target/ so cargo does not start from nothing.
    if (fs::exists(dir / "target")) fs::rename(dir / "target", staging / "target");
    // One atomic exchange with the old crate, so a kill never leaves DIR
    // missing; without it (a new DIR, or a filesystem that lacks it) a rename.
    if (!fs::exists(dir)) {
      fs::rename(staging, dir);
    } else if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) == 0) {
      fs::remove_all(staging);  // now the old crate
    } else {
      fs::remove_all(dir);
      fs::rename(staging, dir);
    }
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(staging, ec);
    throw StorageError(fmt::format("cannot write the crate to {}: {}", dir.string(), e.code().message()));
  } catch (...) {
    fs::remove_all(staging, ec);
    throw;
  }
}

CrateLock::CrateLock(const fs::path& dir_in) {
  fs::path dir = dir_in.has_filename() ? dir_in : dir_in.parent_path();
  fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(parent, ec);
  file_ = parent / fmt::format(".{}.testgen-lock", dir.filename().string());
  fd_ = ::open(file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw StorageError(fmt::format("{}: cannot create: {}", file_.string(), std::strerror(errno)));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw BusyError(fmt::format("{}: another testgen run is writing this crate; wait for it, or use another -o",
                                dir.string()));
  }
}

CrateLock::~CrateLock() {
  if (fd_ < 0) return;
  std::error_code ec;
  fs::remove(file_, ec);
  ::close(fd_);
}

}  // namespace testgen::bash
