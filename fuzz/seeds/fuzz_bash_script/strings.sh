#!/bin/bash
# Small text utilities, the kind found in shell libraries.

# Splits a version string MAJOR.MINOR[.PATCH] into its parts.
# Usage: version_parts 1.2.3
version_parts() {
  if [[ $1 =~ ^([0-9]+)\.([0-9]+)(\.([0-9]+))?$ ]]; then
    echo "major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]} patch=${BASH_REMATCH[4]:-0}"
  else
    echo "not a version: $1" >&2
    return 1
  fi
}

# Parses -v (verbose), -n NAME and -c COUNT, then prints what is left.
# Usage: parse_options -v -n name -c 3 file...
parse_options() {
  local opt verbose=0 name=world count=1 OPTIND=1
  while getopts ":vn:c:" opt "$@"; do
    case $opt in
      v) verbose=1 ;;
      n) name=$OPTARG ;;
      c) count=$OPTARG ;;
      :) echo "missing argument for -$OPTARG"; return 2 ;;
      \?) echo "unknown option -$OPTARG"; return 2 ;;
    esac
  done
  shift $((OPTIND - 1))
  printf 'verbose=%d name=%s count=%s rest=%s\n' "$verbose" "$name" "$count" "$*"
}

# Turns "Hello, World" into "hello-world".
slugify() {
  local text=${1,,}
  text=${text//[^a-z0-9]/-}
  while [[ $text == *--* ]]; do
    text=${text//--/-}
  done
  text=${text#-}
  echo "${text%-}"
}

# Pads or cuts a string to a width: pad TEXT WIDTH [CHAR]
pad() {
  local text=$1 width=$2 fill=${3:- }
  if (( ${#text} >= width )); then
    echo "${text:0:width}"
    return
  fi
  while (( ${#text} < width )); do
    text+=$fill
  done
  echo "$text"
}

# Sums the numbers given as key=value pairs on standard input.
sum_values() {
  local key value total=0
  while IFS='=' read -r key value; do
    [[ -z $key ]] && continue
    if [[ $value =~ ^-?[0-9]+$ ]]; then
      (( total += value ))
    fi
  done
  echo "$total"
}
