-- Whose plan it is, for access decisions (PlanScope: school code and managing-unit path), beside the
-- document so lists can be filtered without reading every document; and the aggregate's version (the
-- sequence number of its last event), which GET /api/plans/{id} returns as its ETag.
alter table plan_view add column school_code varchar(64);
alter table plan_view add column managing_unit jsonb not null default '[]'::jsonb;
update plan_view set school_code = nullif(btrim(document -> 'school' ->> 'code'), ''),
                     managing_unit = coalesce(document -> 'school' -> 'managingUnit', '[]'::jsonb);
create index plan_view_school_code on plan_view (school_code);

update plan_view v set document = jsonb_set(v.document, '{version}', to_jsonb(e.version))
from (select aggregate_identifier, max(sequence_number) as version
      from domain_event_entry group by aggregate_identifier) e
where e.aggregate_identifier = v.plan_id;
