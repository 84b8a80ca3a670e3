-- The W3C trace id of the request that wrote each audit row (32 lowercase hex digits), so an
-- audit event, the server's log lines and the EHR's and model server's logs for the same request
-- can be joined. Rows written before this migration, or outside any request, have none.
alter table audit_event add column trace_id text check (trace_id ~ '^[0-9a-f]{32}$');

create index audit_event_trace_id_idx on audit_event (trace_id) where trace_id is not null;
