-- The execution queue of the scheduler and executor.
-- not_before: a pending execution is not claimed before this instant (retry backoff); NULL = at once.
ALTER TABLE executions ADD COLUMN not_before TEXT;

-- Running and pending executions of one pipeline (overlap policies, claim gating).
CREATE INDEX executions_pipeline_status ON executions (pipeline_id, status);
