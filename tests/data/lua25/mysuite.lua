$file "mysuite.lua"
$line 1
-- A suite written for quest, in its Lua 2.5: it calls the Lua 2.5
-- library (format, strlen, strsub, write), uses `arg` in a vararg
-- function and a line comment that 5.4 would read as a block comment.
--[[ in Lua 2.5 this comment ends with its line

R = Rand
MINE = {}
MINE.argc = R.choose(1, 6)

function MINE.pick (...)
    local gens = {}
    local i = 1
    while i <= arg.n do
        gens[i] = R[arg[i]]
        i = i + 1
    end
    return R.oneof(gens)
end

MINE.simple = MINE.pick("char", "int", "double", "long")

function MINE.test () return
    { args    = R.list(MINE.argc, MINE.simple)
    , varargs = R.list(R.unit(0), R.int)
    , result  = MINE.simple
    , static  = R.flip
    }
end

Test.mine =
    { doc  = format("%s: %d scalar kinds, up to %d parameters", "mine", 4, 6)
    , test = MINE.test
    }

if strlen(Test.mine.doc) ~= 40 or strsub(Test.mine.doc, 1, 4) ~= "mine" then
    error("the Lua 2.5 string library misbehaves")
end
write(_STDERR, format("-- loaded %s\n", "mysuite.lua"))
