#!/usr/bin/env bash
# The first ten minutes, as a new user has them: clone the repository fresh into a temporary
# directory, with an empty npm cache, and run the README's first-run commands word by word (the
# ```sh blocks marked <!-- first-run -->, read by scripts/readme-commands.mjs so they cannot
# drift): npm ci, npm test, npm start, npx multistatus on bundled bodies. Fails on the first
# command that fails. Clones what is committed (HEAD), not the working tree.
# Takes about 4-8 minutes, most of it `npm test` and the download of the dev dependencies.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export npm_config_cache="$work/npm-cache"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
git clone --quiet --no-hardlinks "$repo" "$work/clone"
cd "$work/clone"
mapfile -t commands < <(node scripts/readme-commands.mjs README.md)
n=0
for command in "${commands[@]}"; do
  n=$((n + 1))
  echo "readme-first-run: \$ $command"
  start=$(date +%s)
  # stdin from /dev/null: nothing may wait for a person; stdout kept short in the log.
  if ! bash -c "$command" </dev/null >"$work/out.log" 2>&1; then
    tail -n 40 "$work/out.log" | sed "s/^/  | /"
    echo "readme-first-run: FAILED: $command"
    echo "readme: 0 passed, 1 failed"
    exit 1
  fi
  tail -n 5 "$work/out.log" | sed "s/^/  | /"
  echo "readme-first-run: ok ($(( $(date +%s) - start )) s)"
done
echo "readme: $n passed, 0 failed"
