#!/usr/bin/env bash
# `npm run test:mutation [-- [config file] stryker options]`: Stryker (incremental, see stryker.config.json) with
# the mocha 12 path shim, then the committed incremental state
# (test/mutation/stryker-incremental.json) made machine-independent again: Stryker writes the
# absolute project root into it on every run, this resets that field to "." (nothing reads it back).
# A run with --mutate over some files keeps the other files' results in the state (Stryker's
# incremental differ carries over mutants outside the mutated scope). MUTATION_SPEC narrows the
# tests (test/mutation/mocharc.cjs).
set -uo pipefail
cd "$(dirname "$0")/../.."
MUTATION_QUICK=1 NODE_OPTIONS="--require ./test/mutation/mocha12-cli-paths.cjs" npx stryker run "$@"
rc=$?
# The committed states: the core's, lib/parser's (test/mutation/stryker.parser.config.json) and
# lib/client's (test/mutation/stryker.client.config.json).
for state in test/mutation/stryker-incremental.json test/mutation/stryker-incremental-parser.json test/mutation/stryker-incremental-client.json; do
  [ -f "$state" ] || continue
  node -e '
    const fs = require("node:fs");
    const file = process.argv[1];
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    if (report.projectRoot !== ".") {
      report.projectRoot = ".";
      fs.writeFileSync(file, JSON.stringify(report, null, 2));
    }
  ' "$state" || rc=1
done
exit "$rc"
