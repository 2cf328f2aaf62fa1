#!/usr/bin/env bash
# Backup of the source of truth: plan-service's schema "plan" — the event store (domain_event_entry,
# snapshot_event_entry), the Kafka publisher's position (token_entry), plan_view, plan_import and the
# remembered answers of Idempotency-Key requests (idempotent_request) — as one pg_dump archive
# (custom format, one consistent snapshot; services may keep running).
#   infra/backup.sh <file.dump>          (or ./caitien backup <file.dump>)
# Read models (schemas monitoring, reporting) are not backed up: they are rebuilt from the events.
# Settings: CAITIEN_PG_HOST/PORT/USER/DATABASE (localhost 5433 postgres caitien), CAITIEN_PLAN_SCHEMA
# (plan), PGPASSWORD. See docs/operations.md.
set -euo pipefail
source "$(dirname "$0")/pg-tools.sh"

if [[ $# -ne 1 || "$1" == -* ]]; then
  echo "Cách dùng: infra/backup.sh <tệp sao lưu .dump>" >&2
  exit 2
fi
file=$1
require_server
if [[ "$(sql "select count(*) from information_schema.tables where table_schema = '$CAITIEN_PLAN_SCHEMA' and table_name = 'domain_event_entry'")" != 1 ]]; then
  echo "✗ CSDL $PGDATABASE không có kho sự kiện (lược đồ $CAITIEN_PLAN_SCHEMA); không có gì để sao lưu." >&2
  exit 5
fi
events=$(sql "select count(*) from \"$CAITIEN_PLAN_SCHEMA\".domain_event_entry")
plans=$(sql "select count(distinct aggregate_identifier) from \"$CAITIEN_PLAN_SCHEMA\".domain_event_entry")
mkdir -p "$(dirname "$file")"
tmp="$file.partial"
# --serializable-deferrable: a snapshot no concurrent command can make inconsistent, taken without
# blocking writers for long.
"$PG_DUMP" --format=custom --schema="$CAITIEN_PLAN_SCHEMA" --no-owner --no-privileges \
  --serializable-deferrable --file="$tmp"
mv "$tmp" "$file"
echo "✓ Đã sao lưu kho sự kiện (ít nhất $events sự kiện của $plans kế hoạch) vào $file ($(du -h "$file" | cut -f1))"
