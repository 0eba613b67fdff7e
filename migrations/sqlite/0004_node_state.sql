-- What a node keeps between successful runs of its pipeline (an incremental extractor's
-- cursor), one JSON object per (pipeline, node). Written in the same transaction that records
-- the run's success, never after a failure; deleted with the pipeline.
CREATE TABLE pipeline_node_state (
    pipeline_id TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
    node_id     TEXT NOT NULL,
    state       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (pipeline_id, node_id)
);
