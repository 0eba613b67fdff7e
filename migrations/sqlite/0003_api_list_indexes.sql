-- Indexes for the API's list routes.
-- GET /pipelines orders by (created_at DESC, id DESC) with LIMIT/OFFSET: scanning this index
-- backwards yields the page without sorting the whole table. It supersedes pipelines_created.
CREATE INDEX pipelines_created_id ON pipelines (created_at, id);
DROP INDEX pipelines_created;

-- last_execution of each listed pipeline: the newest by (queued_at, id) within a pipeline.
-- It supersedes executions_pipeline (pipeline_id, queued_at).
CREATE INDEX executions_pipeline_queued_id ON executions (pipeline_id, queued_at, id);
DROP INDEX executions_pipeline;
