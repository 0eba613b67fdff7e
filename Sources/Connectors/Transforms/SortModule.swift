import Pipelines

/// `sort`: orders all rows by `columns` (each ascending or descending, nulls first or last).
/// It must hold its whole input: memory grows with the data, unlike the streaming transforms.
struct SortModule: PipelineModule {
    let descriptor = ModuleDescriptor(
        kind: .transformer, name: "sort", displayName: "Sort", description: "Order rows by columns", icon: "arrow-down-up", color: "#0EA5E9",
        schema: [
            "type": "object", "additionalProperties": false, "required": ["columns"],
            "properties": [
                "columns": [
                    "type": "array", "minItems": 1, "title": "Sort keys",
                    "items": [
                        "type": "object", "required": ["column"], "additionalProperties": false,
                        "properties": [
                            "column": ["type": "string"], "direction": ["type": "string", "enum": ["asc", "desc"], "default": "asc"],
                            "nulls": ["type": "string", "enum": ["first", "last"], "default": "last"],
                        ],
                    ],
                ]
            ],
        ])

    func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis {
        var problems = ConfigProblems(columns: inputs.first ?? nil)
        for (index, key) in ((try? config.objects("columns")) ?? []).enumerated() {
            if let name = key["column"]?.stringValue { problems.requireColumn(name, at: ".columns[\(index)].column") }
        }
        return ModuleAnalysis(outputColumns: inputs.first ?? nil, problems: problems.problems)
    }

    func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        SortOperator(
            keys: try config.objects("columns").map {
                SortOperator.Key(
                    column: $0["column"]?.stringValue ?? "", descending: $0["direction"]?.stringValue == "desc",
                    nullsFirst: $0["nulls"]?.stringValue == "first")
            })
    }
}

struct SortOperator: NodeOperator {
    struct Key: Sendable {
        var column: String
        var descending: Bool
        var nullsFirst: Bool
    }

    var keys: [Key]

    func run(_ context: NodeContext) async throws {
        let batches = try await context.inputs[0].collect()
        guard let schema = batches.first?.schema else { return }
        let all = RecordBatch.concatenating(batches, schema: schema)
        let readers = try keys.map { all.columns[try all.requireColumn($0.column)].reader() }
        let order = (0..<all.rowCount).sorted { left, right in
            for (key, read) in zip(keys, readers) {
                let a = read(left)
                let b = read(right)
                if a.isNull != b.isNull { return a.isNull == key.nullsFirst }
                let comparison = Value.compare(a, b)
                if comparison != 0 { return key.descending ? comparison > 0 : comparison < 0 }
            }
            return left < right  // stable
        }
        let sorted = all.gathering(order)
        for start in stride(from: 0, to: sorted.rowCount, by: RecordBatch.preferredRowCount) {
            try await context.output.emit(sorted.slice(start..<min(sorted.rowCount, start + RecordBatch.preferredRowCount)))
        }
    }
}
