-- testgen quest: the built-in Lua code (print it with `testgen quest -lua`).
--
-- A suite is an entry of the Test table: { doc, test, dialect, needs }.
-- test() returns four generators: args (a list of C types), varargs (a
-- list of C types, may be empty), result (a C type, R.void allowed) and
-- static (a boolean). dialect is the -std= the output needs ("c11" or
-- "gnu11"); needs lists what a compiler must support ("int128", "complex",
-- "gnu"). Generators are documented in `testgen quest -help`.

R = Rand

-- A sized recursive type: `leaf` at size 0, otherwise make() (built once,
-- on first use, so `make` may refer to the generator being defined).
function Rand.recursive(leaf, make)
  local complex
  return R.bind(R.iszero, function(zero)
    if zero then return leaf end
    complex = complex or make()
    return complex
  end)
end

-- quest's suites -------------------------------------------------------------

-- ansi, cc, gcc and mips share one shape; `opts` says where they differ.
local function ansi_like(opts)
  local S = {}
  S.int = R.oneof(opts.ints)
  S.any_int = R.oneof{S.int, R.unsigned(S.int)}
  S.simple = R.oneof{S.any_int, R.oneof{R.float, R.double}}
  S.members = R.choose(1, 3)
  S.bitfields = R.list(R.choose(0, 4), R.bitfield(R.choose(2, 12)))
  local function fields()
    local parts = {R.list(S.members, S.arg)}
    if opts.bitfields then parts[#parts + 1] = S.bitfields end
    parts[#parts + 1] = R.list(S.members, S.arg)
    if opts.gnu then parts[#parts + 1] = R.list(R.choose(0, 1), R.array(S.arg, R.unit(0))) end
    return R.concat(parts)
  end
  local function complex_arg()
    local options = {
      S.simple,
      R.pointer(S.arg),
      R.array(S.arg, R.choose(1, 3)),
      R.struct(fields()),
      R.union(R.list(S.members, S.arg)),
    }
    if opts.gnu then
      options[#options + 1] = R.struct(R.list(R.unit(0), S.arg))
      options[#options + 1] = R.union(R.list(R.unit(0), S.arg))
    end
    if opts.weights then
      local weighted = {}
      for i, g in ipairs(options) do
        weighted[#weighted + 1] = opts.weights[i] or 1
        weighted[#weighted + 1] = g
      end
      return R.smaller{R.freq(weighted)}
    end
    return R.smaller(options)
  end
  S.arg = R.recursive(S.simple, complex_arg)
  -- No arrays among results: C functions cannot return them.
  S.result = R.recursive(S.simple, function()
    return R.smaller{
      S.simple,
      R.pointer(S.result),
      R.struct(R.list(S.members, S.arg)),
      R.union(R.list(S.members, S.arg)),
    }
  end)
  S.vararg = R.recursive(R.oneof(opts.vararg_scalars), function()
    return R.smaller{
      R.oneof(opts.vararg_scalars),
      R.pointer(S.arg),
      R.array(S.arg, R.choose(1, 3)),
      R.struct(R.list(S.members, S.arg)),
      R.union(R.list(S.members, S.arg)),
    }
  end)
  function S.test()
    return {
      args = R.list(R.choose(1, 10), S.arg),
      varargs = R.oneof{R.list(R.unit(0), R.int), R.list(R.choose(1, 4), S.vararg)},
      result = S.result,
      static = R.flip,
    }
  end
  return S
end

ANSI = ansi_like{
  ints = {R.char, R.short, R.int, R.long, R.longlong},
  vararg_scalars = {R.int, R.long, R.longlong, R.double},
  bitfields = true,
}
CC = ansi_like{
  ints = {R.char, R.short, R.int, R.long},
  vararg_scalars = {R.int, R.long, R.double},
  bitfields = true,
}
GCC = ansi_like{
  ints = {R.char, R.short, R.int, R.long, R.longlong},
  vararg_scalars = {R.int, R.long, R.longlong, R.double},
  bitfields = true,
  gnu = true,
}
MIPS = ansi_like{
  ints = {R.char, R.short, R.int, R.long, R.longlong},
  vararg_scalars = {R.int, R.long, R.longlong, R.double},
  bitfields = false,
  -- simple, pointer, array, struct, union: aggregates come up more often.
  weights = {2, 1, 1, 4, 3},
}

DEMO = {}
DEMO.arg = ANSI.arg
DEMO.result = ANSI.result
function DEMO.test()
  return {
    args = R.list(R.choose(1, 4), DEMO.arg),
    -- float and char go through `...` promoted to double and int; the
    -- callee reads the promoted type and converts back (quest read them
    -- as float and char, which is undefined behaviour).
    varargs = R.list(R.choose(0, 3), R.oneof{R.float, R.char, R.int, R.double}),
    result = DEMO.result,
    static = R.flip,
  }
end

TOY = {}
TOY.simple = R.oneof{R.char, R.int}
TOY.arg = R.recursive(TOY.simple, function() return R.smaller{TOY.simple, R.pointer(TOY.arg)} end)
function TOY.test()
  return {args = R.list(R.choose(1, 4), TOY.arg), varargs = R.list(R.unit(0), R.int), result = TOY.arg, static = R.flip}
end

-- What a calling convention really sees --------------------------------------

C = {}
C.ints = R.oneof{
  R.bool, R.char, R.signed(R.char), R.unsigned(R.char), R.short, R.unsigned(R.short),
  R.int, R.unsigned(R.int), R.long, R.unsigned(R.long), R.longlong, R.unsigned(R.longlong),
  R.enum(R.choose(1, 5)),
}
C.floats = R.oneof{R.float, R.double, R.longdouble}
C.complexes = R.complex(C.floats)
C.pointers = R.oneof{
  R.pointer(R.void), R.pointer(R.char), R.pointer(C.ints), R.pointer(R.pointer(R.double)),
  R.funptr(R.int, R.list(R.choose(0, 3), C.ints)), R.funptr(R.void, R.list(R.unit(0), R.int)),
  R.funptr(R.double, R.list(R.choose(1, 2), R.int), true),
}
C.scalar = R.freq{4, C.ints, 3, C.floats, 2, C.pointers}
C.members = R.choose(1, 4)
C.field = R.recursive(C.scalar, function()
  return R.smaller{
    C.scalar,
    R.array(C.field, R.choose(1, 4)),
    R.struct(R.list(C.members, C.field)),
    R.union(R.list(C.members, C.field)),
  }
end)
-- Small aggregates are where conventions differ most: register classes
-- (INTEGER, SSE, mixed), homogeneous float aggregates, sizes around 8 and 16.
C.small = R.oneof{
  R.struct(R.list(R.choose(1, 4), C.floats)),
  R.struct(R.list(R.choose(1, 4), R.oneof{R.float, R.double})),
  R.struct(R.list(R.choose(1, 3), R.oneof{C.ints, R.float, R.double})),
  R.struct(R.list(R.choose(1, 16), R.char)),
  R.union(R.list(R.choose(1, 3), R.oneof{C.ints, R.float, R.double})),
  R.struct(R.list(R.unit(1), R.array(R.oneof{R.char, R.short, R.float, R.int}, R.choose(1, 5)))),
}
C.aggregate = R.recursive(C.small, function()
  return R.smaller{C.small, R.struct(R.list(C.members, C.field)), R.union(R.list(C.members, C.field))}
end)
C.any = R.freq{3, C.scalar, 3, C.aggregate, 1, C.complexes}

-- A suite from its parts; varargs are optional, results may be void.
local function suite(parts)
  return function()
    return {
      args = R.list(parts.nargs or R.choose(1, 8), parts.arg),
      varargs = parts.vararg and R.oneof{R.list(R.unit(0), R.int), R.list(R.choose(1, 6), parts.vararg)}
        or R.list(R.unit(0), R.int),
      result = parts.result or R.freq{1, R.void, 4, parts.arg},
      static = R.flip,
    }
  end
end

Test = {}

Test.ansi = {doc = "quest's default: ANSI C scalars, pointers, arrays, structs with bitfields, unions; half variadic",
             test = ANSI.test, result = ANSI.result, arg = ANSI.arg, dialect = "c11"}
Test.cc = {doc = "ansi without long long", test = CC.test, result = CC.result, arg = CC.arg, dialect = "c11"}
Test.gcc = {doc = "ansi plus GNU empty structs and unions and zero-length arrays",
            test = GCC.test, result = GCC.result, arg = GCC.arg, dialect = "gnu11", needs = {"gnu"}}
Test.mips = {doc = "ansi with aggregates weighted up and no bitfields",
             test = MIPS.test, result = MIPS.result, arg = MIPS.arg, dialect = "c11"}
Test.demo = {doc = "1-4 parameters; float and char passed through ... (promoted)", test = DEMO.test,
             result = DEMO.result, arg = DEMO.arg, dialect = "c11"}
Test.toy = {doc = "char, int and pointers only", test = TOY.test, result = TOY.arg, arg = TOY.arg, dialect = "c11"}

Test.scalars = {
  doc = "every scalar: _Bool, enums, all int widths, float, double, long double, pointers, function pointers; void results",
  test = suite{arg = C.scalar, vararg = C.scalar, nargs = R.choose(1, 12)}, dialect = "c11"}
Test.aggregates = {
  doc = "nested structs and unions with arrays inside; small aggregates of every register class; HFAs",
  test = suite{arg = C.aggregate, vararg = C.aggregate}, dialect = "c11"}
Test.complex = {
  doc = "float, double and long double _Complex alone, in structs and through ...",
  test = suite{arg = R.oneof{C.complexes, R.struct(R.list(R.choose(1, 3), R.oneof{C.complexes, C.floats}))},
               vararg = C.complexes},
  dialect = "c11", needs = {"complex"}}

local ints128 = R.oneof{R.int128, R.unsigned(R.int128)}
Test.int128 = {
  doc = "__int128 and unsigned __int128 in parameters, structs, ... and results (64-bit targets)",
  test = suite{arg = R.oneof{ints128, R.struct(R.list(R.choose(1, 3), R.oneof{ints128, R.char, R.double})), C.ints},
               vararg = ints128},
  dialect = "c11", needs = {"int128"}}

local bf = R.oneof{
  R.bitfield(R.choose(1, 31)),                       -- signed int
  R.unsigned(R.bitfield(R.choose(1, 31))),
  R.bitfield(R.unit(32)), R.unsigned(R.bitfield(R.unit(32))),  -- full width
  R.bitfield(R.unit(0)),                             -- unnamed, zero width: next field starts a new unit
  R.bitfield(R.choose(1, 64), R.longlong), R.unsigned(R.bitfield(R.unit(64), R.longlong)),
  R.bitfield(R.unit(1), R.bool),
  R.bitfield(R.choose(1, 8), R.signed(R.char)), R.unsigned(R.bitfield(R.choose(1, 16), R.short)),
}
local bf_struct = R.struct(R.concat{R.list(R.choose(1, 2), C.ints), R.list(R.choose(1, 6), bf), R.list(R.choose(0, 2), C.scalar)})
Test.bitfields = {
  doc = "bitfields: signed and unsigned, negative values, zero-width, full-width, _Bool/char/short/long long bases",
  test = suite{arg = R.oneof{bf_struct, R.union(R.list(R.choose(1, 3), R.oneof{bf_struct, C.ints}))}, vararg = bf_struct},
  dialect = "c11"}

local aligned_member = R.oneof{R.aligned(8, R.char), R.aligned(16, R.int), R.aligned(32, R.double), R.aligned(16, R.longlong)}
local layout_field = R.freq{3, C.scalar, 1, aligned_member, 1, R.packed(R.struct(R.list(R.choose(1, 3), C.scalar)))}
Test.layout = {
  doc = "GNU packed and aligned(N) structs and unions, aligned members, empty structs, zero-length arrays",
  test = suite{arg = R.oneof{
    R.packed(R.struct(R.list(R.choose(1, 5), layout_field))),
    R.packed(R.union(R.list(R.choose(1, 3), layout_field))),
    R.aligned(16, R.struct(R.list(R.choose(1, 3), layout_field))),
    R.aligned(32, R.struct(R.list(R.choose(1, 2), C.scalar))),
    R.struct(R.list(R.choose(1, 4), layout_field)),
    R.struct(R.list(R.unit(0), R.int)),
    R.struct(R.concat{R.list(R.choose(1, 2), C.scalar), R.list(R.unit(1), R.array(R.int, R.unit(0)))}),
  }},
  dialect = "gnu11", needs = {"gnu"}}

Test.varargs = {
  doc = "variadic calls with every type C allows after ...: promoted ones, long double, _Complex, aggregates, arrays",
  test = function()
    return {
      args = R.list(R.choose(1, 3), R.oneof{R.int, R.double, R.pointer(R.char), C.small}),
      varargs = R.list(R.choose(1, 10), R.freq{4, C.scalar, 2, C.small, 1, C.complexes, 1, R.array(R.int, R.choose(1, 3))}),
      result = R.freq{1, R.void, 2, C.scalar},
      static = R.flip,
    }
  end,
  dialect = "c11", needs = {"complex"}}

Test.registers = {
  doc = "16 to 32 parameters mixing integer, floating and small aggregate classes: registers run out",
  test = suite{arg = R.freq{4, C.ints, 4, C.floats, 1, C.small}, nargs = R.choose(16, 32),
               result = R.oneof{R.void, C.small, R.double, R.longlong}},
  dialect = "c11"}

Test.all = {
  doc = "all of the standard C above at once (no __int128, no GNU extensions)",
  test = suite{arg = C.any, vararg = C.any, nargs = R.choose(1, 12)},
  dialect = "c11", needs = {"complex"}}
