-- What the dashboards show beyond the standing: the row's full content, the latest indicator
-- values, the school's identity across years, and the date each report was sent.
alter table plan_progress add column school_key varchar(400);
update plan_progress set school_key = coalesce(school_code, array_to_string(managing_unit, '/') || '/' || school_name);
alter table plan_progress alter column school_key set not null;
create index plan_progress_school_key on plan_progress (school_key);
create index plan_progress_managing_unit on plan_progress using gin (managing_unit);

alter table item_progress add column details jsonb;
alter table item_progress add column indicator_values jsonb not null default '{}';

alter table report_submission add column submitted_on date;
