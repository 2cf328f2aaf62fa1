-- Remembered Idempotency-Key answers expire (caitien.idempotency.remember-for, 24 h by default): lookups
-- ignore older rows and a job deletes them by age, which this index serves.
create index idempotent_request_created_at on idempotent_request (created_at);
-- 409 answers are no longer remembered (a conflict is retried, not replayed): forget those stored before,
-- so their keys run the command again.
delete from idempotent_request where status = 409;
