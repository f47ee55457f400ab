#!/bin/bash
# Calculates factorial of a number
# Usage: factorial N
# Returns: N!
function factorial() {
local n=$1
if [ $n -le 1 ]; then
echo 1
else
local prev=$(factorial $((n - 1)))
echo $((n * prev))
fi
}
factorial 5 # Should output 120
