#!/usr/bin/env bash
# The long fault-injection drill: the same test as in ./mvnw verify (FaultInjectionTest), with more
# rounds, clients and longer outages. Each round, under a steady load of commands: Kafka broker stopped
# and restarted, PostgreSQL stopped and restarted, kill -9 plan-service (restarted), kill -9 of a
# projection service (monitoring in odd rounds, reporting in even ones). Afterwards every acknowledged
# command must be in the event store exactly once, nothing unacknowledged stored, and each projection
# equal to a rebuild from scratch. The summary is printed and kept in
# infra/system-tests/target/fault-injection-summary.txt.
#
#   infra/fault-drill.sh [rounds] [clients] [-Dfault.<setting>=<value> ...]     (or ./caitien drill …)
#
# Before the faults, plan-service's fuzz tests run at FUZZ_SCALE=3 (about 10,500 generated requests).
# Settings (system properties, defaults of this drill): fault.rounds=10, fault.clients=8,
# fault.gap=8 (s between faults), fault.kafkaDown=10 (s), fault.postgresDown=5 (s), fault.warmUp=10 (s),
# fault.thinkMillis=250 (pause of each client between commands), fault.progressPerPlan=30,
# fault.seed=<n> (the load's random choices; printed by every run).
# Builds what it needs (the services' jars) with Maven; add -o to MAVEN_ARGS to stay offline.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=10 clients=8
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then rounds=$1; shift; fi
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then clients=$1; shift; fi
for arg in "$@"; do
  [[ "$arg" == -Dfault.* ]] || { echo "Cách dùng: infra/fault-drill.sh [số vòng] [số máy khách] [-Dfault.<tên>=<giá trị> …]" >&2; exit 2; }
done

# First the fuzz run at three times its size in ./mvnw verify: ≥ 10,000 generated requests (malformed and
# hostile commands, imports and Authorization headers) against plan-service, none may answer 5xx or store anything.
echo "» Fuzz: hơn 10.000 yêu cầu sinh ngẫu nhiên (lệnh, tệp nhập, mã thông báo)…"
# shellcheck disable=SC2086
mkdir -p plan-service/target
./mvnw -B -q ${MAVEN_ARGS:-} -pl plan-service -am verify -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.scale="${FUZZ_SCALE:-3}" >plan-service/target/fuzz-drill.log 2>&1 && fuzz_status=0 || fuzz_status=$?
grep -E "=== FUZZ|✗|warning" plan-service/target/fuzz-drill.log || true
if (( fuzz_status != 0 )); then echo "✗ Fuzz không đạt; xem plan-service/target/surefire-reports"; exit "$fuzz_status"; fi

summary=infra/system-tests/target/fault-injection-summary.txt
rm -f "$summary"
echo "» Diễn tập sự cố: $rounds vòng, $clients máy khách (có thể mất $((rounds * 2 + 3)) phút trở lên)…"
# -am builds the services and infra in the same reactor; -Dtest keeps their own tests out of the way.
# shellcheck disable=SC2086
./mvnw -B -q ${MAVEN_ARGS:-} -pl infra/system-tests -am verify \
  -Dtest=FaultInjectionTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfault.rounds="$rounds" -Dfault.clients="$clients" \
  -Dfault.gap=8 -Dfault.kafkaDown=10 -Dfault.postgresDown=5 -Dfault.warmUp=10 -Dfault.thinkMillis=250 \
  "$@" \
  && status=0 || status=$?
[[ -f "$summary" ]] && cat "$summary"
if (( status == 0 )); then
  echo "✓ Diễn tập đạt: không mất, không trùng lệnh nào đã xác nhận; mô hình đọc khớp bản dựng lại từ đầu."
else
  echo "✗ Diễn tập không đạt (mã $status); xem infra/system-tests/target/surefire-reports và target/service-logs/fault-*.log"
fi
exit "$status"
