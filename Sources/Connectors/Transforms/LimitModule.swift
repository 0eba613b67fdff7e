import Pipelines

/// `limit`: passes `count` rows after skipping `offset`, then stops reading its input.
struct LimitModule: PipelineModule {
    let descriptor = ModuleDescriptor(
        kind: .transformer, name: "limit", displayName: "Limit", description: "Keep the first rows", icon: "list-end", color: "#64748B",
        schema: [
            "type": "object", "additionalProperties": false, "required": ["count"],
            "properties": [
                "count": ["type": "integer", "minimum": 0, "title": "Rows to keep"],
                "offset": ["type": "integer", "minimum": 0, "default": 0, "title": "Rows to skip first"],
            ],
        ])

    func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis { ModuleAnalysis(outputColumns: inputs.first ?? nil) }

    func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        StreamingOperator(LimitTransform(remaining: try config.integer("count") ?? 0, toSkip: try config.integer("offset") ?? 0))
    }
}

struct LimitTransform: StreamingTransform {
    var remaining: Int
    var toSkip: Int

    var isSatisfied: Bool { remaining <= 0 }

    mutating func transform(_ batch: RecordBatch, context: NodeContext) throws -> RecordBatch? {
        let skipped = min(toSkip, batch.rowCount)
        toSkip -= skipped
        let taken = min(remaining, batch.rowCount - skipped)
        remaining -= taken
        context.countFiltered(batch.rowCount - taken)
        return batch.slice(skipped..<skipped + taken)
    }
}
