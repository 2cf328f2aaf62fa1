-- Files imported as plans (POST /api/plans/import): the SHA-256 of the uploaded bytes names the
-- plan created from it, so importing the same file again is refused unless the caller forces a
-- second plan (force=true, which adds another row for the same hash).
create table plan_import (
    plan_id      varchar(64)  not null primary key,
    content_hash char(64)     not null,
    file_name    varchar(255),
    file_format  varchar(8)   not null,
    imported_at  timestamptz  not null
);
create index plan_import_content_hash on plan_import (content_hash, imported_at);
