#!/usr/bin/env bash
# Restores plan-service's schema "plan" from an archive of infra/backup.sh into a database that does
# not have it (a new server, or after `--replace`). Stop plan-service first; start it again afterwards.
#   infra/restore.sh <file.dump> [--replace] [--republish] [--reset-read-models]
#     --replace            drop the existing schema "plan" first (its events are lost: keep a dump of it)
#     --republish          forget the Kafka publisher's position, so plan-service publishes every event of
#                          the store again on its next start: use it when the topic was lost or recreated
#                          (consumers skip events they already applied: they deduplicate by event id)
#     --reset-read-models  drop the read models' schemas (monitoring, reporting) in this database, so the
#                          services rebuild them from the start of the topic when they start
# Settings as for infra/backup.sh. See docs/operations.md for the whole procedure.
set -euo pipefail
source "$(dirname "$0")/pg-tools.sh"

usage() { echo "Cách dùng: infra/restore.sh <tệp sao lưu .dump> [--replace] [--republish] [--reset-read-models]" >&2; exit 2; }
file="" replace=0 republish=0 reset_read=0
for arg in "$@"; do
  case "$arg" in
    --replace) replace=1 ;;
    --republish) republish=1 ;;
    --reset-read-models) reset_read=1 ;;
    -*) usage ;;
    *) [[ -z "$file" ]] || usage; file=$arg ;;
  esac
done
[[ -n "$file" ]] || usage
[[ -f "$file" ]] || { echo "✗ Không có tệp $file" >&2; exit 2; }
"$PG_RESTORE" --list "$file" >/dev/null || { echo "✗ $file không phải tệp sao lưu của pg_dump (định dạng custom)" >&2; exit 2; }
require_server

schema=$CAITIEN_PLAN_SCHEMA
exists=$(sql "select count(*) from information_schema.schemata where schema_name = '$schema'")
if [[ "$exists" != 0 ]]; then
  if (( ! replace )); then
    echo "✗ CSDL $PGDATABASE đã có lược đồ $schema. Khôi phục vào CSDL trống, hoặc thêm --replace để xoá nó trước." >&2
    exit 5
  fi
  echo "» Xoá lược đồ $schema hiện có…"
  sql "drop schema \"$schema\" cascade"
fi

echo "» Khôi phục $file vào $PGDATABASE tại $PGHOST:$PGPORT…"
"$PG_RESTORE" --dbname="$PGDATABASE" --no-owner --no-privileges --exit-on-error --single-transaction "$file"

if (( republish )); then
  # The publisher is the Kafka extension's tracking processor. Deleting its token is not enough: Axon
  # starts a processor without a token in replay mode up to the head of the store, and the publisher
  # does not publish replayed events. So give it a plain token just before the first stored event.
  publisher=__axon-kafka-event-publishing-group
  sql "delete from \"$schema\".token_entry where processor_name = '$publisher';
       insert into \"$schema\".token_entry (processor_name, segment, token, token_type, timestamp, owner)
       select '$publisher', 0,
              convert_to('{\"index\":' || (coalesce(min(global_index), 1) - 1) || ',\"gaps\":[]}', 'UTF8'),
              'org.axonframework.eventhandling.GapAwareTrackingToken',
              to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), null
       from \"$schema\".domain_event_entry"
  echo "» Đã đặt lại vị trí phát sự kiện: plan-service sẽ phát lại toàn bộ sự kiện lên Kafka khi khởi động."
fi
if (( reset_read )); then
  sql "drop schema if exists monitoring cascade; drop schema if exists reporting cascade"
  echo "» Đã xoá mô hình đọc (monitoring, reporting): các dịch vụ sẽ dựng lại từ đầu chủ đề khi khởi động."
fi

events=$(sql "select count(*) from \"$schema\".domain_event_entry")
plans=$(sql "select count(distinct aggregate_identifier) from \"$schema\".domain_event_entry")
echo "✓ Đã khôi phục $events sự kiện của $plans kế hoạch. Khởi động lại các dịch vụ; kiểm tra chuỗi băm: ./caitien audit verify <mã kế hoạch>"
