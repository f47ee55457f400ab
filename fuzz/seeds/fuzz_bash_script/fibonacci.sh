#!/bin/bash
# Fibonacci calculator
# Computes the nth Fibonacci number
#
# Usage: fibonacci N
# Example: fibonacci 10
# Output: 55
function fibonacci() {
local n=$1
# Base cases
if [ $n -le 0 ]; then
echo 0
return
fi
if [ $n -eq 1 ]; then
echo 1
return
fi
# Recursive case
local a=$(fibonacci $((n - 1)))
local b=$(fibonacci $((n - 2)))
echo $((a + b))
}
# Main
fibonacci "${1:-10}"
