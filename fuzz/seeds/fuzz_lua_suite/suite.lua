Test.tiny = {
  doc = "a tiny suite",
  test = function()
    return {args = R.list(R.choose(0, 3), R.oneof{R.int, R.struct(R.list(R.choose(1, 2), R.char))}),
            varargs = R.list(R.choose(0, 1), R.double), result = R.int, static = R.flip}
  end,
}
