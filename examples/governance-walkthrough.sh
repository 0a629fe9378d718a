#!/usr/bin/env bash
# The README's governance walk-through, end to end, on two empty PostgreSQL databases:
#   a worker drafts a staging work order; their own approval is refused; a manager approves and
#   runs it (verified backup, evidence pack, audit log); the evidence pack verifies; production
#   needs the final authority; a rollback through a downgrade work order records its trigger.
#
# Usage:
#   ONBOARDING_STAGING_URL=postgres://app:secret@localhost:5432/onboarding_staging \
#   ONBOARDING_PRODUCTION_URL=postgres://app:secret@localhost:5432/onboarding_production \
#   [SCRATCH_URL=postgres://app:secret@localhost:5432/postgres] examples/governance-walkthrough.sh
#
# It works in a fresh copy of examples/onboarding in a temporary folder (printed at the start)
# and needs git and a pg_dump at least as new as the server. Without SCRATCH_URL, backups are
# verified on an embedded PostgreSQL that schemagate starts itself.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sg="$repo/schemagate"
: "${ONBOARDING_STAGING_URL:?set it to an empty PostgreSQL database (see the usage above)}"
: "${ONBOARDING_PRODUCTION_URL:?set it to another empty PostgreSQL database}"
export ONBOARDING_STAGING_URL ONBOARDING_PRODUCTION_URL
scratch=()
if [ -n "${SCRATCH_URL:-}" ]; then scratch=(--scratch-url "$SCRATCH_URL"); fi

work="$(mktemp -d)"
cp -r "$repo/examples/onboarding/migrations" "$work/"
cd "$work"
echo "# working in $work"

step() { echo; echo "## $*"; }
run() {
  # The command as typed, with any password in a URL masked as schemagate masks it.
  echo "\$ schemagate $*" | sed -E 's#(://[^:/@]+:)[^@]+@#\1***@#g'
  local code=0
  "$sg" "$@" || code=$?
  [ "$code" -eq 0 ] || echo "(exit code $code)"
}

step "keys for a worker, a manager and the final authority"
people=""
for p in wendy:worker max:manager alice:final_authority; do
  name="${p%%:*}" role="${p#*:}"
  "$sg" keys new "$name" --dir keys >/dev/null
  pub="$(grep -v -- ----- "keys/$name.pub" | tr -d '\n')"
  people+="  $name: {role: $role, public_key: 'ed25519:$pub'}"$'\n'
done
cat >schemagate.yaml <<EOF
migrations: migrations
people:
$people
environments:
  staging:
    url_env: ONBOARDING_STAGING_URL
    governed: true
    approvals: {required: 1, roles: [manager, planning_and_governance, final_authority]}
  production:
    url_env: ONBOARDING_PRODUCTION_URL
    governed: true
    approvals: {required: 2, roles: [manager, planning_and_governance, final_authority], final_approver: alice}
EOF
sed -n '/^people:/,/^$/p' schemagate.yaml | sed -E "s/(ed25519:.{12}).*'/\1...'/"
git init -q && git add migrations schemagate.yaml
git -c user.name=walkthrough -c user.email=walkthrough@example.org commit -qm "onboarding migrations"

# The author's part of an upgrade work order: intent, post-change check, rollback plan.
fill() {
  local f="$1" text
  text="$(mktemp)"
  cat >"$text" <<'EOF'
intent:
  what: Create the onboarding, payment and agent tables
  why: The onboarding service ships next week and needs them
  impact_if_not_done: The service cannot start
  alternatives_rejected: Creating them by hand (no review, no rollback, no evidence)
rollback:
  steps:
  - schemagate downgrade base --env <env> --work-order <rollback WO> --trigger <which fired>
  triggers:
  - onboarding error rate above 2% for 10 minutes
  verification:
  - sql: SELECT count(*) FROM information_schema.tables WHERE table_name = 'agents'
    expect: "0"
verification:
- sql: SELECT count(*) FROM onboarding_steps
  expect: "6"
EOF
  awk -v text="$text" '
    /^intent:/ { while ((getline line < text) > 0) print line; skip = 1; next }
    /^irreversible_justification:/ { skip = 0 }
    !skip' "$f" >"$f.new" && mv "$f.new" "$f"
  rm -f "$text"
}

step "a worker drafts the staging work order"
export SCHEMAGATE_ACTOR=wendy
run --env staging wo new --to head "${scratch[@]}"
fill workorders/WO-MIGRATION-001.md
run --env staging wo check WO-MIGRATION-001

step "the worker's own approval is refused; a run without an approved work order too"
run wo approve WO-MIGRATION-001 --key keys/wendy.key
run --env staging upgrade head

step "a manager approves; the worker may still not execute, the manager runs it"
run wo approve WO-MIGRATION-001 --key keys/max.key
run --env staging upgrade head --work-order WO-MIGRATION-001 --key keys/wendy.key
run --env staging upgrade head --work-order WO-MIGRATION-001 --key keys/max.key "${scratch[@]}"

step "the evidence pack verifies, and so does the audit log"
pack="$(ls -d evidence/WO-MIGRATION-001/*/ | head -1)"
ls "$pack"
run evidence verify "${pack%/}"
run --env staging evidence verify "${pack%/}.zip"
run --env staging audit-log verify

step "production: a manager's approval is not enough"
run --env production wo new --to head "${scratch[@]}"
fill workorders/WO-MIGRATION-002.md
run wo approve WO-MIGRATION-002 --key keys/max.key
run --env production upgrade head --work-order WO-MIGRATION-002 --key keys/max.key
step "production: once the final authority signs, it runs"
run wo approve WO-MIGRATION-002 --key keys/alice.key
run --env production upgrade head --work-order WO-MIGRATION-002 --key keys/max.key "${scratch[@]}"

step "a trigger fires on staging: roll back through a downgrade work order"
run --env staging wo new --downgrade --to base --rollback-of WO-MIGRATION-001 "${scratch[@]}"
sed -i -e 's|"TODO: what happens if it is not done"|The onboarding errors continue|' \
  -e 's|"TODO: the alternatives considered and why they were rejected"|"A forward fix, not ready today"|' \
  workorders/WO-MIGRATION-003.md
run wo approve WO-MIGRATION-003 --key keys/max.key
run --env staging downgrade base --work-order WO-MIGRATION-003 --key keys/max.key \
  --trigger "onboarding error rate above 2% for 10 minutes" "${scratch[@]}"
run --env staging audit-log verify
echo
echo "# done: work orders in $work/workorders, evidence packs in $work/evidence"
