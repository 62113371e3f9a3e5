#!/usr/bin/env bash
# Prints "true" when the commits from BASE to HEAD change anything outside content/ (the generator, its
# templates, tests, packages or workflows), "false" when they change content only. The workflows run the
# test suite only in the first case: a content change is checked and built, never held back by tests of
# code it did not touch. When BASE is missing or unknown (a new branch, a force push, a shallow clone),
# the answer is "true": run the tests rather than guess.
#   usage: scripts/touches-code.sh BASE [HEAD]
set -uo pipefail
base=${1:-}
head=${2:-HEAD}
if [[ -z "$base" || "$base" =~ ^0+$ ]] || ! git cat-file -e "$base^{commit}" 2>/dev/null; then
  echo true
  exit 0
fi
if ! changed=$(git diff --name-only "$base" "$head"); then
  echo true
  exit 0
fi
if [[ -n "$changed" ]] && grep -qv '^content/' <<<"$changed"; then echo true; else echo false; fi
