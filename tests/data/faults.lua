-- Suites for the abi hunt's fault tests (tests/abi_faults_test.sh).

-- One to three scalar parameters of eight types: a case has a double
-- parameter about a third of the time.
FAULTS = {}
FAULTS.arg = R.oneof{R.char, R.short, R.int, R.long, R.float, R.double, R.longlong, R.unsigned(R.int)}
Test.faults = {
  doc = "one to three scalar parameters, a double among them now and then",
  test = function()
    return {args = R.list(R.choose(1, 3), FAULTS.arg), varargs = R.list(R.unit(0), R.int), result = R.int,
            static = R.flip}
  end,
}

-- Integers and double _Complex, declaring no needs: a compiler without
-- _Complex fails on some cases of a batch and not on others.
Test.mixed = {
  doc = "ints and double _Complex, needs not declared",
  test = function()
    return {args = R.list(R.choose(1, 3), R.oneof{R.int, R.long, R.short, R.complex(R.double)}),
            varargs = R.list(R.unit(0), R.int), result = R.int, static = R.flip}
  end,
}
