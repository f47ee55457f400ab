-- The Lua 2.5 standard library that quest's suites and its users' files
-- call, as quest's Lua (lua-ml) defines it, over Lua 5.4. Loaded before
-- the built-in code; `testgen quest -lua` does not print it.
--
-- Where lua-ml and Lua 2.5 differ, lua-ml wins: it is what quest users'
-- scripts ran on (math in radians, numbers printed with 12 digits,
-- date() as month/day/year, read() of one line only).

local string, math, io, os, select, type, error = string, math, io, os, select, type, error
local base_tostring = tostring
local unsafe_allowed = __testgen_unsafe
__testgen_unsafe = nil

-- A number as Lua 2.5 shows it: 3 and 3.0 are both "3".
local function number_text(x)
  if math.type(x) == "integer" then return string.format("%d", x) end
  if x ~= x then return "nan" end
  if x == math.huge then return "inf" end
  if x == -math.huge then return "-inf" end
  if x == math.floor(x) and math.abs(x) < 1e15 then return string.format("%d", math.tointeger(x)) end
  return string.format("%.12g", x)
end

local function text_of(v, name, position)
  local t = type(v)
  if t == "string" then return v end
  if t == "number" then return number_text(v) end
  error(string.format("%s: argument %d should be a string, got %s", name, position, t), 3)
end

local function whole(v, name, position)
  if type(v) ~= "number" then
    v = tonumber(v)
    if v == nil then error(string.format("%s: argument %d should be a number", name, position), 3) end
  end
  if math.type(v) == "integer" then return v end
  -- lua-ml's integer arguments truncate toward zero.
  return math.tointeger(v >= 0 and math.floor(v) or math.ceil(v)) or error(name .. ": number out of range", 3)
end

local function needs_unsafe(name)
  if not unsafe_allowed then
    error(name .. " writes files, reads them or starts processes: run with -unsafe to allow it", 3)
  end
end

-- Strings ---------------------------------------------------------------------

function strlen(s) return #text_of(s, "strlen", 1) end

function strsub(s, i, j)
  s = text_of(s, "strsub", 1)
  return string.sub(s, whole(i, "strsub", 2), j and whole(j, "strsub", 3) or -1)
end

function strfind(s, pattern, init, plain)
  return string.find(text_of(s, "strfind", 1), text_of(pattern, "strfind", 2),
                     init and whole(init, "strfind", 3) or 1, plain ~= nil)
end

function strlower(s) return string.lower(text_of(s, "strlower", 1)) end
function strupper(s) return string.upper(text_of(s, "strupper", 1)) end

function strrep(s, n)
  n = whole(n, "strrep", 2)
  if n < 0 then error("strrep: number of replicas " .. n .. " is negative", 2) end
  return string.rep(text_of(s, "strrep", 1), n)
end

function ascii(s, i)
  s = text_of(s, "ascii", 1)
  i = i and whole(i, "ascii", 2) or 1
  if i < 1 or i > #s then error("ascii: index " .. i .. " is outside the string", 2) end
  return string.byte(s, i)
end

-- format: C's conversions, with Lua 2.5's leniency: a number with a
-- fraction is truncated for %d, %x, %c...; %s prints numbers as Lua 2.5.
function format(spec, ...)
  spec = text_of(spec, "format", 1)
  local args, n, used = {...}, select("#", ...), 0
  local out = string.gsub(spec, "%%([-+ #0]*%d*%.?%d*)(.)", function(flags, conversion)
    if conversion == "%" then return "%" end
    used = used + 1
    if used > n then error("format: not enough arguments for the format '" .. spec .. "'", 4) end
    local v = args[used]
    if conversion == "d" or conversion == "i" then
      return string.format("%" .. flags .. "d", whole(v, "format", used + 1))
    elseif conversion == "u" then
      local x = whole(v, "format", used + 1)
      if x < 0 then return string.format("%" .. flags .. ".0f", x + 18446744073709551616.0) end
      return string.format("%" .. flags .. "d", x)
    elseif conversion == "o" or conversion == "x" or conversion == "X" then
      return string.format("%" .. flags .. conversion, whole(v, "format", used + 1))
    elseif conversion == "c" then
      return string.char(whole(v, "format", used + 1))
    elseif string.find("eEfgG", conversion, 1, true) then
      local x = tonumber(v)
      if x == nil then error("format: argument " .. (used + 1) .. " should be a number", 4) end
      return string.format("%" .. flags .. conversion, x)
    elseif conversion == "s" then
      if v == nil then error("format: argument " .. (used + 1) .. " is nil, %s needs a string", 4) end
      local s = type(v) == "number" and number_text(v) or tostring(v)
      return string.format("%" .. flags .. "s", s)
    elseif conversion == "q" then
      return string.format("%q", text_of(v, "format", used + 1))
    end
    error("format: unknown conversion '%" .. flags .. conversion .. "'", 4)
  end)
  return out
end

function gsub(s, pattern, replacement, n)
  return string.gsub(text_of(s, "gsub", 1), text_of(pattern, "gsub", 2), replacement,
                     n and whole(n, "gsub", 4) or nil)
end

-- Input and output ------------------------------------------------------------

_STDIN, _STDOUT, _STDERR = io.stdin, io.stdout, io.stderr
_INPUT, _OUTPUT = io.stdin, io.stdout

local function is_file(v) return io.type(v) == "file" end

function write(...)
  local first, from = select(1, ...), 1
  local file = _OUTPUT
  if is_file(first) then file, from = first, 2 end
  for i = from, select("#", ...) do
    local ok, why = file:write(text_of(select(i, ...), "write", i))
    if not ok then return nil, why end
  end
  file:flush()
  return 1
end

function read(pattern)
  if pattern ~= nil then error("read: patterns are not supported (quest's Lua reads whole lines only)", 2) end
  return _INPUT:read("l")
end

local function open(name, mode, what)
  needs_unsafe(what)
  if string.sub(name, 1, 1) == "|" then
    if mode == "a" then return nil, what .. ": cannot append to a pipe" end
    return io.popen(string.sub(name, 2), mode == "r" and "r" or "w")
  end
  return io.open(name, mode)
end

function readfrom(name)
  if name == nil then
    if _INPUT ~= io.stdin then _INPUT:close() end
    _INPUT = io.stdin
    return _INPUT
  end
  if is_file(name) then _INPUT = name return name end
  local f, why = open(text_of(name, "readfrom", 1), "r", "readfrom")
  if not f then return nil, why end
  _INPUT = f
  return f
end

local function output_to(name, mode, what)
  if name == nil then
    if _OUTPUT ~= io.stdout then _OUTPUT:close() end
    _OUTPUT = io.stdout
    return _OUTPUT
  end
  if is_file(name) then _OUTPUT = name return name end
  local f, why = open(text_of(name, what, 1), mode, what)
  if not f then return nil, why end
  _OUTPUT = f
  return f
end

function writeto(name) return output_to(name, "w", "writeto") end
function appendto(name) return output_to(name, "a", "appendto") end
function open_out(name) return (open(text_of(name, "open_out", 1), "w", "open_out")) end
function open_in(name) return (open(text_of(name, "open_in", 1), "r", "open_in")) end
function close_out(f) f:close() end
function close_in(f) f:close() end

function remove(name)
  needs_unsafe("remove")
  local ok, why = os.remove(text_of(name, "remove", 1))
  if ok then return "OK" end
  return nil, why
end

function rename(from, to)
  needs_unsafe("rename")
  local ok, why = os.rename(text_of(from, "rename", 1), text_of(to, "rename", 2))
  if ok then return "OK" end
  return nil, why
end

function tmpname()
  needs_unsafe("tmpname")
  return os.tmpname()
end

function execute(command)
  needs_unsafe("execute")
  local _, _, status = os.execute(text_of(command, "execute", 1))
  return status
end

function getenv(name) return os.getenv(text_of(name, "getenv", 1)) end

function date(pattern)
  if pattern ~= nil then error("date: patterns are not supported (quest's Lua prints month/day/year only)", 2) end
  local t = os.date("*t")
  return t.month .. "/" .. t.day .. "/" .. t.year
end

-- The rest of the base library --------------------------------------------------

function tostring(v)
  if type(v) == "number" then return number_text(v) end
  return base_tostring(v)
end

function print(...)
  for i = 1, select("#", ...) do io.stdout:write(tostring((select(i, ...))), "\n") end
  io.stdout:flush()
end

function size(t)
  if type(t) ~= "table" then error("size: expected a table, got " .. type(t), 2) end
  local n = 0
  for _ in next, t do n = n + 1 end
  return n
end

function nextvar(name) return next(_G, name) end
function setglobal(name, value) _G[name] = value end
function getglobal(name) return _G[name] end

function objname(v)
  for name, value in next, _G do
    if value == v and type(name) == "string" then return "function " .. name end
  end
  for tname, t in next, _G do
    if type(t) == "table" and type(tname) == "string" and t ~= _G then
      for name, value in next, t do
        if value == v then
          if type(name) == "string" then return "function " .. tname .. "." .. name end
          return "function " .. tname .. "[" .. tostring(name) .. "]"
        end
      end
    end
  end
  return "unnamed " .. tostring(v)
end

-- Lua 2.5's fallbacks: "getglobal" (undefined globals) and "error" are
-- kept; the others changed every table's behaviour, which Lua 5.4 cannot
-- do from a script, so they are refused by name rather than ignored.
local fallbacks = {}
function setfallback(name, f)
  name = text_of(name, "setfallback", 1)
  local old = fallbacks[name]
  if name == "getglobal" then
    setmetatable(_G, {__index = function(_, key) return f(key) end})
  elseif name == "error" then
    -- Errors are reported by testgen; the handler is kept for getfallback-
    -- style code that reads it back.
  else
    error("setfallback: the '" .. name .. "' fallback is not supported by testgen's Lua 2.5 layer " ..
          "(supported: getglobal, error)", 2)
  end
  fallbacks[name] = f
  return old
end

-- Mathematics (radians, as in quest's Lua) -------------------------------------

local function number_of(v, name, position)
  local x = tonumber(v)
  if x == nil then error(string.format("%s: argument %d should be a number", name, position), 3) end
  return x
end

local function math1(name, f)
  _G[name] = function(x) return f(number_of(x, name, 1)) end
end
math1("abs", math.abs); math1("acos", math.acos); math1("asin", math.asin); math1("atan", math.atan)
math1("ceil", math.ceil); math1("cos", math.cos); math1("floor", math.floor); math1("log", math.log)
math1("sin", math.sin); math1("sqrt", math.sqrt); math1("tan", math.tan)
function log10(x) return math.log(number_of(x, "log10", 1), 10) end
function atan2(y, x) return math.atan(number_of(y, "atan2", 1), number_of(x, "atan2", 2)) end
function max(a, b) return math.max(number_of(a, "max", 1), number_of(b, "max", 2)) end
function min(a, b) return math.min(number_of(a, "min", 1), number_of(b, "min", 2)) end
function mod(a, b) return math.fmod(number_of(a, "mod", 1), number_of(b, "mod", 2)) end
-- random and randomseed come from testgen's own generator (seeded by
-- -seed), so that a script that calls them stays reproducible.
