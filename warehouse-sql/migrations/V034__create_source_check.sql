-- What the pull last saw of each publisher's export: one row per declared source (eoir,
-- ohss, cbp, or another name the settings give), updated at every check.

create table etl.source_check (
    source_name text primary key,
    source_kind text not null check (source_kind in ('eoir', 'ohss', 'cbp')),
    url text,
    checked_at timestamptz not null,
    status text not null check (status in ('not_modified', 'downloaded', 'failed')),
    message text,
    etag text,
    last_modified text,
    published_at timestamptz,
    changed_at timestamptz,
    file_name text,
    bytes_fetched bigint,
    sha256 text
);

comment on table etl.source_check is 'The last check of each declared source by the pull (courtstats pull, or the nightly load with courtstats.pull.enabled); grain: one row per source name.';
comment on column etl.source_check.source_name is 'Name of the source in courtstats.pull.sources, e.g. eoir.';
comment on column etl.source_check.source_kind is 'What the source publishes: eoir (the EOIR case-data zip), ohss (the OHSS monthly workbook) or cbp (the CBP encounters CSV).';
comment on column etl.source_check.url is 'URL of the file last asked for (for a listing page, the file link found on it).';
comment on column etl.source_check.checked_at is 'When the source was last checked.';
comment on column etl.source_check.status is 'Outcome of the last check: not_modified (the publisher answered 304, or the file was fetched before), downloaded (a new file was verified and moved into the inbox) or failed.';
comment on column etl.source_check.message is 'What went wrong at the last check, for a failed one; null otherwise.';
comment on column etl.source_check.etag is 'ETag of the file last downloaded, sent back as If-None-Match.';
comment on column etl.source_check.last_modified is 'Last-Modified header of the file last downloaded, as sent, returned as If-Modified-Since.';
comment on column etl.source_check.published_at is 'The publisher''s last change of the file (its Last-Modified), as a time.';
comment on column etl.source_check.changed_at is 'When a changed file was last downloaded into the inbox.';
comment on column etl.source_check.file_name is 'Name in the inbox of the file last downloaded.';
comment on column etl.source_check.bytes_fetched is 'Bytes of the file last downloaded (its full size, resumed parts included).';
comment on column etl.source_check.sha256 is 'SHA-256 of the file last downloaded, hex.';
