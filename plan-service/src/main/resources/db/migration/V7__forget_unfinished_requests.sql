-- Requests now remember their answer in the same transaction as their events, so an unfinished row
-- can no longer outlive its request. Rows left "in flight" (status 0) by a crash of an earlier
-- version would refuse every retry with that key for ever: forget them, the retry runs again.
delete from idempotent_request where status = 0;
