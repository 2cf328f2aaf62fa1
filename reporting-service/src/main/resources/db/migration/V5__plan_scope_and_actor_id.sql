-- Whose plan it is, for access decisions (PlanScope): the school's code beside the managing unit the
-- directory already keeps. Written from PlanCreated like the rest of the row.
alter table plan_directory add column school_code varchar(255);
create index plan_directory_school on plan_directory (school_code);

-- Plans projected before this column existed: their PlanCreated event is kept in plan_event.
update plan_directory d
   set school_code = nullif(btrim(e.payload -> 'school' ->> 'code'), '')
  from plan_event e
 where e.plan_id = d.plan_id and e.type = 'PlanCreated';

-- The authenticated user behind each event (the token subject, metadata actorId), for auditors;
-- events recorded before tokens have none.
alter table plan_event add column actor_id varchar(255);
