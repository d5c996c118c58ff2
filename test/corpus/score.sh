#!/usr/bin/env bash
# Scores kehoach's parser on the development corpus in test/corpus/ with the official scorer.
#
#   bash test/corpus/score.sh            (from the project root, after `npm run build`)
#
# The scorer lives outside the project, in the workplace's shared folder (../shared/eval/score.mjs
# relative to the project root). Where it is absent (a plain clone of the project), this script
# says so and exits 0: the corpus and its gold are still usable by any other scorer that reads
# plan-format JSON (see SOURCES.md and the gold files).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scorer="${KEHOACH_SCORER:-$root/../shared/eval/score.mjs}"
if [ ! -f "$scorer" ]; then
  echo "score.sh: no official scorer at $scorer (it is not part of the project); nothing to score."
  echo "score.sh: set KEHOACH_SCORER=/path/to/score.mjs to use one elsewhere."
  exit 0
fi
if [ ! -d "$root/dist" ]; then
  echo "score.sh: the project is not built (no dist/); run 'npm run build' first." >&2
  exit 1
fi
cd "$root"
# The scorer prints a row per document, the mean of each metric and a final "score: X" line.
exec node "$scorer" --gold test/corpus/gold --docs test/corpus/docs --run 'node bin/kehoach.js parse --json' "$@"
