# shellcheck shell=bash
# Shared bookkeeping for the test scripts: every check appends one line "pass|fail<TAB>label" to
# $RESULTS_TSV, and results_summary prints the counts. Sourced, not run.

# Uses the caller's $RESULTS_TSV (so test.sh can collect the results of the scripts it runs), or a
# file of our own in the given temp dir.
results_init() {
  if [[ -z "${RESULTS_TSV:-}" ]]; then
    RESULTS_TSV="$1/results.tsv"
  fi
  export RESULTS_TSV
  touch "$RESULTS_TSV"
}

results_record() {
  printf '%s\t%s\n' "$1" "$2" >>"$RESULTS_TSV"
  if [[ "$1" == pass ]]; then
    printf '  PASS  %s\n' "$2"
  else
    printf '  FAIL  %s\n' "$2"
  fi
}

results_count() {
  local n
  n="$(grep -c "^$1	" "${2:-$RESULTS_TSV}" 2>/dev/null)" || true
  echo "${n:-0}"
}

# Prints "<prefix>N passed, N failed" for the lines from line $2 on (default: all of them).
results_summary() {
  local prefix="$1" from="${2:-1}" part
  part="$(mktemp)"
  tail -n "+$from" "$RESULTS_TSV" >"$part"
  printf '%s%s passed, %s failed\n' "$prefix" "$(results_count pass "$part")" "$(results_count fail "$part")"
  rm -f "$part"
}

# Records each "pass|fail<TAB>detail" line of $2 as "<prefix> detail" (prefix $1, may be empty);
# output with no line at all is one failure, "$3" (default "<prefix>: printed no result").
results_record_lines() {
  local prefix="$1" out="$2" empty="${3:-$1: printed no result}" line
  if [[ -z "$out" ]]; then
    results_record fail "$empty"
    return
  fi
  while IFS= read -r line; do
    [[ -n "$line" ]] && results_record "${line%%	*}" "${prefix:+$prefix }${line#*	}"
  done <<<"$out"
  return 0
}

results_lines() {
  wc -l <"$RESULTS_TSV" | tr -d ' '
}
