#include "translate.h"

#include <map>

#include "lower.h"
#include "rust_emitter.h"

namespace testgen::bash {

Translation translate(const Script& script) {
  Translation t;
  t.script = &script;
  t.refused = script.refused;
  // The definition bash would use: the last one.
  std::map<std::string, const Function*> last;
  for (const Function& f : script.functions) last[f.name] = &f;
  std::set<std::string> refused_names;
  for (const Refusal& r : script.refused) refused_names.insert(r.function);

  // Refusing a function can make its callers unsupported: repeat until stable.
  for (;;) {
    std::set<std::string> translatable;
    for (const auto& [name, f] : last)
      if (!refused_names.count(name)) translatable.insert(name);
    t.functions.clear();
    bool refused_more = false;
    for (const Function& f : script.functions) {
      if (last[f.name] != &f || refused_names.count(f.name)) continue;
      RustEmitter emitter(translatable);
      try {
        TranslatedFunction out;
        out.function = &f;
        out.module = rust_ident(f.name);
        out.body = emitter.function_body(f);
        out.callees = emitter.callees();
        for (const std::string& callee : refused_names)
          if (emitter.mentions(callee))
            throw Unsupported("call to '" + callee + "', which is not translated", f.pos);
        t.functions.push_back(std::move(out));
      } catch (const Unsupported& u) {
        // Refusals from the code generator carry no place: use the command's.
        Pos at = u.pos.line == 1 && u.pos.col == 1 ? emitter.at() : u.pos;
        t.refused.push_back(Refusal{f.name, u.construct, at, u.detail});
        refused_names.insert(f.name);
        refused_more = true;
      }
    }
    if (!refused_more) break;
  }
  std::set<std::string> all_functions;
  for (const auto& [name, f] : last) all_functions.insert(name);
  for (TranslatedFunction& f : t.functions) f.signature = infer_signature(*f.function, all_functions);
  return t;
}

}  // namespace testgen::bash
