#include "sysv_class.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace testgen::abi {
namespace {

uint64_t round_up(uint64_t value, uint64_t to) { return to <= 1 ? value : (value + to - 1) / to * to; }

Layout scalar_layout(const CType& t) {
  switch (t.kind) {
    case Kind::kVoid: return {0, 1};
    case Kind::kBool: case Kind::kChar: case Kind::kSChar: case Kind::kUChar: return {1, 1};
    case Kind::kShort: case Kind::kUShort: return {2, 2};
    case Kind::kInt: case Kind::kUInt: case Kind::kFloat: return {4, 4};
    case Kind::kEnum: {
      // int, unless a constant needs more (gcc then uses a 64-bit type).
      const bool wide = std::any_of(t.enumerators.begin(), t.enumerators.end(), [](int64_t v) {
        return v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<uint32_t>::max();
      });
      return wide ? Layout{8, 8} : Layout{4, 4};
    }
    case Kind::kInt128: case Kind::kUInt128: case Kind::kLongDouble: return {16, 16};
    case Kind::kComplexFloat: return {8, 4};
    case Kind::kComplexDouble: return {16, 8};
    case Kind::kComplexLongDouble: return {32, 16};
    default: return {8, 8};  // long, long long, double, pointers
  }
}

// A member's alignment inside its aggregate: packed drops it to 1 unless
// the member asks for more with _Alignas.
uint64_t member_align(const CType& parent, const CType& member) {
  const uint64_t own = std::max<uint64_t>(layout_of(member).align, static_cast<uint64_t>(member.align));
  const bool packed_member = member.packed && !is_aggregate(member.kind);
  return parent.packed || packed_member ? std::max<uint64_t>(1, static_cast<uint64_t>(member.align)) : own;
}

// Calls `visit(member, bit_offset)` for each member of a struct, as laid out.
template <typename Visit>
uint64_t lay_out_struct(const CType& s, uint64_t& align, Visit visit) {
  uint64_t bits = 0;
  align = 1;
  for (const TypePtr& m : s.members) {
    if (m->kind == Kind::kBitfield) {
      const Layout base = scalar_layout(*m->target);
      const uint64_t unit = base.size * 8, width = static_cast<uint64_t>(m->length);
      if (width == 0) {
        bits = round_up(bits, unit);  // a zero-width bitfield closes the unit
        continue;
      }
      if (!s.packed && bits / unit != (bits + width - 1) / unit) bits = round_up(bits, unit);
      visit(*m, bits);
      bits += width;
      if (!s.packed) align = std::max(align, base.align);
      continue;
    }
    const uint64_t a = member_align(s, *m);
    bits = round_up(bits, a * 8);
    visit(*m, bits);
    bits += layout_of(*m).size * 8;
    align = std::max(align, a);
  }
  return round_up(bits, 8) / 8;
}

ArgClass merge(ArgClass a, ArgClass b) {
  if (a == b) return a;
  if (a == ArgClass::kNoClass) return b;
  if (b == ArgClass::kNoClass) return a;
  if (a == ArgClass::kMemory || b == ArgClass::kMemory) return ArgClass::kMemory;
  if (a == ArgClass::kInteger || b == ArgClass::kInteger) return ArgClass::kInteger;
  auto x87 = [](ArgClass c) { return c == ArgClass::kX87 || c == ArgClass::kX87Up || c == ArgClass::kComplexX87; };
  if (x87(a) || x87(b)) return ArgClass::kMemory;
  return ArgClass::kSse;
}

// Merges the classes of `type`, placed at `bit_offset`, into `eightbytes`.
void classify_into(const CType& type, uint64_t bit_offset, std::vector<ArgClass>& eightbytes) {
  auto put = [&](uint64_t byte, ArgClass c) {
    if (byte / 8 < eightbytes.size()) eightbytes[byte / 8] = merge(eightbytes[byte / 8], c);
  };
  const uint64_t byte = bit_offset / 8;
  switch (type.kind) {
    case Kind::kBitfield: {
      const uint64_t last = (bit_offset + static_cast<uint64_t>(type.length) - 1) / 8;
      for (uint64_t b = byte; b <= last; b += 8) put(b, ArgClass::kInteger);
      put(last, ArgClass::kInteger);
      return;
    }
    case Kind::kArray:
      for (int64_t i = 0; i < type.length; ++i)
        classify_into(*type.target, bit_offset + static_cast<uint64_t>(i) * layout_of(*type.target).size * 8,
                      eightbytes);
      return;
    case Kind::kStruct: {
      uint64_t align = 1;
      lay_out_struct(type, align, [&](const CType& m, uint64_t bits) {
        classify_into(m, bit_offset + bits, eightbytes);
      });
      return;
    }
    case Kind::kUnion:
      for (const TypePtr& m : type.members) classify_into(*m, bit_offset, eightbytes);
      return;
    default:
      break;
  }
  const Layout l = layout_of(type);
  if (l.size == 0) return;
  if (bit_offset % 8 || byte % l.align) {  // an unaligned field puts the whole argument in memory
    for (ArgClass& c : eightbytes) c = ArgClass::kMemory;
    return;
  }
  switch (type.kind) {
    case Kind::kFloat: case Kind::kDouble: case Kind::kComplexFloat: put(byte, ArgClass::kSse); return;
    case Kind::kComplexDouble: put(byte, ArgClass::kSse); put(byte + 8, ArgClass::kSse); return;
    case Kind::kLongDouble: put(byte, ArgClass::kX87); put(byte + 8, ArgClass::kX87Up); return;
    case Kind::kComplexLongDouble: for (int i = 0; i < 4; ++i) put(byte + 8 * i, ArgClass::kComplexX87); return;
    case Kind::kInt128: case Kind::kUInt128: put(byte, ArgClass::kInteger); put(byte + 8, ArgClass::kInteger); return;
    default: put(byte, ArgClass::kInteger); return;
  }
}

}  // namespace

Layout layout_of(const CType& type) {
  switch (type.kind) {
    case Kind::kArray: {
      const Layout e = layout_of(*type.target);
      return {e.size * static_cast<uint64_t>(std::max<int64_t>(0, type.length)), e.align};
    }
    case Kind::kStruct: {
      uint64_t align = 1;
      const uint64_t bytes = lay_out_struct(type, align, [](const CType&, uint64_t) {});
      align = std::max<uint64_t>(align, static_cast<uint64_t>(type.align));
      return {round_up(bytes, align), align};
    }
    case Kind::kUnion: {
      uint64_t size = 0, align = 1;
      for (const TypePtr& m : type.members) {
        const uint64_t bytes = m->kind == Kind::kBitfield ? (static_cast<uint64_t>(m->length) + 7) / 8 : layout_of(*m).size;
        size = std::max(size, bytes);
        if (m->kind != Kind::kBitfield || m->length > 0)
          align = std::max(align, m->kind == Kind::kBitfield ? (type.packed ? 1 : scalar_layout(*m->target).align)
                                                             : member_align(type, *m));
      }
      align = std::max<uint64_t>(align, static_cast<uint64_t>(type.align));
      return {round_up(size, align), align};
    }
    case Kind::kBitfield: return scalar_layout(*type.target);
    default: return scalar_layout(type);
  }
}

std::vector<ArgClass> classify(const CType& type) {
  const Layout l = layout_of(type);
  if (l.size == 0) return {};
  if (l.size > 16) return {ArgClass::kMemory};
  std::vector<ArgClass> eightbytes((l.size + 7) / 8, ArgClass::kNoClass);
  classify_into(type, 0, eightbytes);
  for (size_t i = 0; i < eightbytes.size(); ++i) {
    const bool orphan_x87up = eightbytes[i] == ArgClass::kX87Up && (i == 0 || eightbytes[i - 1] != ArgClass::kX87);
    if (eightbytes[i] == ArgClass::kMemory || orphan_x87up) return {ArgClass::kMemory};
    if (eightbytes[i] == ArgClass::kNoClass) eightbytes[i] = ArgClass::kSse;  // padding-only eightbyte
  }
  return eightbytes;
}

std::string class_mix(const std::vector<ArgClass>& classes) {
  if (classes.empty()) return "NONE";
  static const char* const names[] = {"NONE", "INTEGER", "SSE", "SSEUP", "X87", "X87UP", "COMPLEX_X87", "MEMORY"};
  std::string out;
  for (ArgClass c : classes) out += (out.empty() ? "" : "+") + std::string(names[static_cast<int>(c)]);
  return out;
}

std::vector<Placement> place(const Signature& signature) {
  std::vector<Placement> out;
  int integer_regs = 6, sse_regs = 8;
  Placement result{.position = "result", .layout = layout_of(*signature.result),
                   .classes = classify(*signature.result)};
  result.on_stack = result.classes.size() == 1 && result.classes[0] == ArgClass::kMemory;
  if (result.on_stack) --integer_regs;  // the hidden pointer to the result's memory
  auto argument = [&](const TypePtr& type, const std::string& position) {
    Placement p{.position = position, .layout = layout_of(*type), .classes = classify(*type)};
    int need_int = 0, need_sse = 0;
    for (ArgClass c : p.classes) {
      if (c == ArgClass::kInteger) ++need_int;
      if (c == ArgClass::kSse) ++need_sse;
      if (c == ArgClass::kMemory || c == ArgClass::kX87 || c == ArgClass::kX87Up || c == ArgClass::kComplexX87)
        p.on_stack = true;
    }
    if (!p.on_stack && (need_int > integer_regs || need_sse > sse_regs)) p.on_stack = true;
    if (!p.on_stack) {
      integer_regs -= need_int;
      sse_regs -= need_sse;
    }
    out.push_back(std::move(p));
  };
  for (size_t i = 0; i < signature.args.size(); ++i) argument(signature.args[i], fmt::format("param{}", i));
  for (size_t i = 0; i < signature.varargs.size(); ++i) argument(signature.varargs[i], fmt::format("vararg{}", i));
  out.push_back(std::move(result));
  return out;
}

}  // namespace testgen::abi
