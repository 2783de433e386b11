#!/usr/bin/env bash
# Runs `pm lint` for the GitHub Action (action.yml) with the arguments given
# (format, output file) and the Action's inputs: INPUT_PATHS (one per line;
# empty: on a pull request, what it changes since the base branch, with
# --changed-since; else the postmortems folder), INPUT_STRICT ("true" adds
# --strict) and INPUT_ARGS (more arguments, split on spaces).
set -euo pipefail

args=(lint "$@")
if [ "${INPUT_STRICT:-false}" = true ]; then
  args+=(--strict)
fi
if [ -n "${INPUT_ARGS:-}" ]; then
  read -r -a extra <<< "$INPUT_ARGS"
  args+=("${extra[@]}")
fi
paths=()
while IFS= read -r line; do
  line="${line#"${line%%[![:space:]]*}"}"
  line="${line%"${line##*[![:space:]]}"}"
  if [ -n "$line" ]; then paths+=("$line"); fi
done <<< "${INPUT_PATHS:-}"

if [ ${#paths[@]} -gt 0 ]; then
  args+=(-- "${paths[@]}")
elif [ "${GITHUB_EVENT_NAME:-}" = pull_request ]; then
  # The checkout is the pull request's merge commit; its first parent is
  # the base branch. A clone of depth 1 lacks it: fetch it.
  if ! git rev-parse --quiet --verify 'HEAD^1' >/dev/null; then
    git fetch --quiet --depth=2 origin "$(git rev-parse HEAD)"
  fi
  args+=(--changed-since 'HEAD^1')
fi
exec pm "${args[@]}"
