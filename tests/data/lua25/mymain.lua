$debug
-- A quest user's own run: Quest.main, the header and the command line.
Quest.header = "/* my header */\n"
CMD.n = 2
function Quest.main (options)
    write(_STDERR, format("my main: %d cases of %s\n", options.n, options.gen))
    Quest.mono(options)
end
