-- testgen quest: the built-in Lua code (print it with `testgen quest -lua`).
--
-- A run calls Quest.main(CMD), as quest does: Quest.mono or Quest.stereo
-- ask the suite Test[CMD.gen] for its generators (test()), make the cases
-- with Test.generate and write them with Emit.mono or Emit.stereo. Every
-- piece can be replaced from the command line or a file: Quest.header
-- (C text after the comment lines), Quest.main, ..., CMD.n, and each field
-- of a suite table (ANSI.argc = R.unit(12) makes every ansi function take
-- 12 parameters); fields are read when they are used, never copied early.
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

-- quest's two-argument forms: a struct or union of `count` members.
function Rand.struct_(member, count) return R.struct(R.list(count, member)) end
function Rand.union_(member, count) return R.union(R.list(count, member)) end

-- quest's Cee table: C types themselves, not generators of them.
Cee = {}
for _, name in ipairs{"char", "short", "int", "long", "longlong", "float", "double", "longdouble"} do
  Cee[name] = R.run(R[name], Uniq.make(), 0)
end
function Cee.bitfield(width) return R.run(R.bitfield(R.unit(width)), Uniq.make(), 0) end
function Cee.unsigned(t) return R.run(R.unsigned(R.unit(t)), Uniq.make(), 0) end
function Cee.pointer(t) return R.run(R.pointer(R.unit(t)), Uniq.make(), 0) end
function Cee.array(t, n) return R.run(R.array(R.unit(t), R.unit(n)), Uniq.make(), 0) end
local function cee_members(members)
  local types = {}
  for i, pair in ipairs(members or {}) do types[i] = pair[2] end
  return types
end
-- Member and tag names are testgen's own (a, b, ...), not the ones given.
function Cee.struct(_, members) return R.run(R.struct(R.unit(cee_members(members))), Uniq.make(), 0) end
function Cee.union(_, members) return R.run(R.union(R.unit(cee_members(members))), Uniq.make(), 0) end

-- A run ----------------------------------------------------------------------

Quest = {}
Quest.version = Testgen.version
-- C text written after the comment lines at the top of every file (quest
-- put its QUEST_ASSERT macros here; testgen's checks need none).
Quest.header = ""

-- The generators of the suite the options name.
function Quest.suite(options)
  local suite = Test[options.gen]
  if type(suite) ~= "table" or suite.test == nil then
    error("no such test case generator: " .. tostring(options.gen) .. " (-list shows the suites)")
  end
  return suite.test()
end

-- The comment lines at the top of the main file.
function Quest.banner(options)
  local suite = Test[options.gen] or {}
  local files = options.stereo and format("%s-main.c %s-callee.c", options.out, options.out) or "FILE.c"
  return format("/* %s */\n/* %s */\n", Quest.version, options.argstr) ..
         format("/* seed: %s (this file again: the same options with -seed %s) */\n", options.seed, options.seed) ..
         format("/* suite: %s; build: cc -std=%s %s && ./a.out; prints QUEST-MISMATCH lines, exits with their number */\n",
                options.gen, suite.dialect or "c11", files)
end

function Quest.mono(options)
  local tests = Test.generate(Quest.suite(options), options.n, options.size)
  File.write(File.stdout, Quest.banner(options))
  File.write(File.stdout, Quest.header)
  Emit.mono(File.stdout, tests)
end

function Quest.open2(basename)
  return File.open_out(format("%s-main.c", basename)), File.open_out(format("%s-callee.c", basename))
end

function Quest.stereo(options)
  local tests = Test.generate(Quest.suite(options), options.n, options.size)
  local main, callee = Quest.open2(options.out)
  File.write(main, Quest.banner(options))
  File.write(main, Quest.header)
  File.write(callee, Quest.header)
  Emit.stereo(main, callee, tests)
  File.close_out(main)
  File.close_out(callee)
end

function Quest.main(options)
  if options.stereo then Quest.stereo(options) else Quest.mono(options) end
end

-- -try GEN: what the generator makes, options.n times at options.size.
function Quest.try(options, gen)
  for _ = 1, options.n do
    write(Testgen.show(R.run(gen, Uniq.make(), options.size)), "\n")
  end
end

-- -list: the suites, sorted, with their dialect and needs.
function Quest.list_tests()
  local names = {}
  for name, suite in next, Test do
    if type(suite) == "table" and suite.doc ~= nil then names[#names + 1] = name end
  end
  table.sort(names)
  for _, name in ipairs(names) do
    local suite = Test[name]
    local needs = ""
    if type(suite.needs) == "table" and #suite.needs > 0 then needs = " [needs " .. table.concat(suite.needs, ", ") .. "]" end
    write(format("%-11s %-6s %s%s\n", name, suite.dialect or "c11", suite.doc, needs))
  end
end

-- -i: testgen's prompt (an expression prints its value).
Quest.shell = Testgen.prompt

-- quest's suites, shaped like quest's own ------------------------------------
--
-- Each is a table with quest's fields: argc and vargc (how many parameters
-- and variadic arguments), members (per struct or union), simple (the
-- scalars), simple_varg (the scalars passed through ...), array_size,
-- bitfields, and the recursive generators arg, varg and result, built by
-- arg_, varg_ and result_ (called with true at size 0). Every field is
-- looked up when it is used, so any of them can be replaced.

-- The generator make() returns, rebuilt only when one of S's `fields` changed.
local function rebuilt_on_change(S, fields, make)
  local seen, built = {}, nil
  return function()
    local changed = built == nil
    for i, field in ipairs(fields) do
      if seen[i] ~= S[field] then
        seen[i] = S[field]
        changed = true
      end
    end
    if changed then built = make() end
    return built
  end
end

-- A recursive generator of S that asks S[maker] each time, so a replaced
-- S.arg_ takes effect.
local function late_recursive(S, maker)
  return R.bind(R.iszero, function(leaf) return S[maker](leaf) end)
end

local function quest_suite(S, opts)
  S.any_int = R.oneof(opts.ints)
  S.any_float = R.any_float
  S.members = opts.members or R.choose(1, 3)
  S.argc = opts.argc or R.choose(1, 10)
  S.vargc = opts.vargc or R.oneof{R.unit(0), R.choose(1, 4)}
  S.simple = R.oneof{S.any_int, S.any_float}
  S.simple_varg = R.oneof(opts.vararg_scalars)
  S.array_size = R.freq{2, R.unit(1), 1, R.unit(2), 1, R.unit(3)}
  S.bitfields = opts.bitfields and R.list(R.choose(0, 4), R.bitfield(R.choose(2, 12))) or R.list(R.unit(0), R.int)

  local arg_fields = {"simple", "any_int", "any_float", "members", "arg", "array_size", "bitfields"}
  local complex_arg = rebuilt_on_change(S, arg_fields, function()
    local fields = {R.list(S.members, S.arg), S.bitfields, R.list(S.members, S.arg)}
    if opts.gnu then fields[#fields + 1] = R.list(R.choose(0, 1), R.array(S.arg, R.unit(0))) end
    local options = {
      S.any_int, S.any_float, R.pointer(S.arg), R.array(S.arg, S.array_size),
      R.struct(R.concat(fields)), R.union(R.list(S.members, S.arg)),
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
  end)
  function S.arg_(leaf) if leaf then return S.simple end return complex_arg() end
  S.arg = late_recursive(S, "arg_")

  -- No arrays among results: C functions cannot return them.
  local complex_result = rebuilt_on_change(S, {"any_int", "any_float", "members", "arg", "result"}, function()
    return R.smaller{S.any_int, S.any_float, R.pointer(S.result), R.struct(R.list(S.members, S.arg)),
                     R.union(R.list(S.members, S.arg))}
  end)
  function S.result_(leaf) if leaf then return S.simple end return complex_result() end
  S.result = late_recursive(S, "result_")

  -- Through ... only what promotion leaves alone.
  local complex_varg = rebuilt_on_change(S, {"simple_varg", "members", "arg", "array_size"}, function()
    return R.smaller{S.simple_varg, R.pointer(S.arg), R.array(S.arg, S.array_size),
                     R.struct(R.list(S.members, S.arg)), R.union(R.list(S.members, S.arg))}
  end)
  function S.varg_(leaf) if leaf then return S.simple_varg end return complex_varg() end
  S.varg = late_recursive(S, "varg_")

  function S.test()
    return {args = R.list(S.argc, S.arg), varargs = R.list(S.vargc, S.varg), result = S.result, static = R.flip}
  end
  return S
end

local ints = {R.char, R.short, R.int, R.long, R.longlong}
local unsigned_ints = {}
for _, g in ipairs(ints) do unsigned_ints[#unsigned_ints + 1] = g; unsigned_ints[#unsigned_ints + 1] = R.unsigned(g) end

ANSI = quest_suite({}, {ints = unsigned_ints, vararg_scalars = {R.int, R.long, R.longlong, R.double}, bitfields = true})
CC = quest_suite({}, {ints = {R.char, R.short, R.int, R.long, R.unsigned(R.char), R.unsigned(R.short),
                              R.unsigned(R.int), R.unsigned(R.long)},
                      vararg_scalars = {R.int, R.long, R.double}, bitfields = true})
GCC = quest_suite({}, {ints = unsigned_ints, vararg_scalars = {R.int, R.long, R.longlong, R.double},
                       bitfields = true, gnu = true})
-- any_int, any_float, pointer, array, struct, union: aggregates come up more often.
Mips = quest_suite({}, {ints = unsigned_ints, vararg_scalars = {R.int, R.long, R.longlong, R.double},
                        members = R.choose(1, 4), argc = R.choose(1, 8), weights = {2, 2, 1, 1, 3, 3}})
MIPS = Mips

-- 1-4 parameters; float and char go through `...` promoted to double and
-- int; the callee reads the promoted type and converts back (quest read
-- them as float and char, which is undefined behaviour).
Demo = quest_suite({}, {ints = unsigned_ints, vararg_scalars = {R.float, R.char, R.int, R.double},
                        argc = R.choose(1, 4), vargc = R.choose(0, 3), bitfields = true})
function Demo.varg_() return Demo.simple_varg end
DEMO = Demo

TOY = {}
TOY.base = R.oneof{R.char, R.int}
TOY.members = R.choose(1, 3)
TOY.argc = R.choose(1, 4)
function TOY.arg_(leaf)
  if leaf then return TOY.base end
  return R.smaller{TOY.base, R.pointer(TOY.arg)}
end
TOY.arg = late_recursive(TOY, "arg_")
function TOY.result_(leaf) return TOY.arg_(leaf) end
TOY.result = late_recursive(TOY, "result_")
function TOY.test()
  return {args = R.list(TOY.argc, TOY.arg), varargs = R.list(R.unit(0), R.int), result = TOY.result, static = R.flip}
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

-- Test already holds Test.generate.
Test.ansi = {doc = "quest's default: ANSI C scalars, pointers, arrays, structs with bitfields, unions; half variadic",
             test = function() return ANSI.test() end, result = ANSI.result, arg = ANSI.arg, dialect = "c11"}
Test.cc = {doc = "ansi without long long", test = function() return CC.test() end, result = CC.result, arg = CC.arg,
           dialect = "c11"}
Test.gcc = {doc = "ansi plus GNU empty structs and unions and zero-length arrays",
            test = function() return GCC.test() end, result = GCC.result, arg = GCC.arg, dialect = "gnu11",
            needs = {"gnu"}}
Test.mips = {doc = "ansi with aggregates weighted up and no bitfields", test = function() return Mips.test() end,
             result = Mips.result, arg = Mips.arg, dialect = "c11"}
Test.demo = {doc = "1-4 parameters; float and char passed through ... (promoted)",
             test = function() return Demo.test() end, result = Demo.result, arg = Demo.arg, dialect = "c11"}
Test.toy = {doc = "char, int and pointers only", test = function() return TOY.test() end, result = TOY.result,
            arg = TOY.arg, dialect = "c11"}

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

-- What tcc and pcc can build (no _Complex): structs and unions returned
-- from variadic functions, which the varargs suite also makes but needs
-- _Complex for.
Test.variadic = {
  doc = "variadic functions returning structs and unions; every type but _Complex after ...",
  test = function()
    return {
      args = R.list(R.choose(1, 3), R.oneof{R.int, R.double, R.pointer(R.char), C.small}),
      varargs = R.list(R.choose(1, 8), R.freq{4, C.scalar, 2, C.small, 1, R.array(R.int, R.choose(1, 3))}),
      result = R.freq{1, C.scalar, 3, C.small, 1, C.aggregate},
      static = R.flip,
    }
  end,
  dialect = "c11"}

-- Members a calling convention classifies differently from their type:
-- packed ones (alignment 1 inside an unpacked struct), under-aligned ones
-- (packed, aligned(4) long long or double: a field straddling an eightbyte
-- makes the whole argument MEMORY), and long double beside other members.
local under_aligned = R.oneof{R.aligned(4, R.packed(R.longlong)), R.aligned(4, R.packed(R.double)),
                              R.aligned(2, R.packed(R.int)), R.packed(R.oneof{R.short, R.int, R.longlong, R.float, R.double})}
local psabi_member = R.freq{3, C.scalar, 2, under_aligned}
Test.psabi = {
  doc = "packed and under-aligned members (aligned(4) long long) in unpacked structs; long double in small aggregates",
  test = suite{arg = R.oneof{
      R.struct(R.list(R.choose(1, 4), psabi_member)),
      R.union(R.list(R.choose(1, 3), psabi_member)),
      R.struct(R.list(R.choose(1, 3), R.oneof{R.longdouble, R.float, R.double, C.ints})),
      C.scalar},
    vararg = R.struct(R.list(R.choose(1, 3), psabi_member)),
    nargs = R.choose(1, 10)},
  dialect = "gnu11", needs = {"gnu"}}

Test.registers = {
  -- Up to 32 parameters, so that registers run out in most cases; the
  -- length starts at 1, so that a finding reduces to the register fillers
  -- and the one argument that goes wrong, not to 16 parameters.
  doc = "1 to 32 parameters mixing integer, floating and small aggregate classes: registers run out",
  test = suite{arg = R.freq{4, C.ints, 4, C.floats, 1, C.small}, nargs = R.choose(1, 32),
               result = R.oneof{R.void, C.small, R.double, R.longlong}},
  dialect = "c11"}

Test.all = {
  doc = "all of the standard C above at once (no __int128, no GNU extensions)",
  test = suite{arg = C.any, vararg = C.any, nargs = R.choose(1, 12)},
  dialect = "c11", needs = {"complex"}}

-- Assignments that take no effect -------------------------------------------
--
-- A field set on a built-in table that nothing ever reads (ANSI.argcc for
-- ANSI.argc) is kept aside and reported after the run, naming it.
local unread = {}
function Testgen.watch(name, t)
  local extra = {}
  setmetatable(t, {
    __newindex = function(_, key, value)
      extra[key] = value
      unread[name .. "." .. tostring(key)] = value ~= nil or nil
    end,
    __index = function(_, key)
      local value = extra[key]
      if value ~= nil then unread[name .. "." .. tostring(key)] = nil end
      return value
    end,
  })
end
function Testgen.unread()
  local names = {}
  for name in next, unread do names[#names + 1] = name end
  table.sort(names)
  return names
end
for _, name in ipairs{"ANSI", "CC", "GCC", "Mips", "Demo", "TOY", "Quest"} do Testgen.watch(name, _G[name]) end
