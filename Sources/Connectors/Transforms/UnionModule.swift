import Pipelines

/// `union`: all rows of all inputs, in arrival order. The output has the columns of the first
/// batch to arrive; other batches are matched by column name (missing → null, extra → dropped)
/// and converted to its types.
struct UnionModule: PipelineModule {
    let descriptor = ModuleDescriptor(
        kind: .transformer, name: "union", displayName: "Union", description: "Append the rows of several inputs", icon: "merge",
        color: "#F59E0B", schema: ["type": "object", "additionalProperties": false, "properties": ["on_error": OnErrorPolicy.schemaProperty]],
        inputs: .atLeast(2))

    func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis { ModuleAnalysis(outputColumns: inputs.first ?? nil) }

    func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator { UnionOperator() }
}

struct UnionOperator: NodeOperator {
    func run(_ context: NodeContext) async throws {
        var schema: Schema?
        try await context.mergedInputs { _, batch in
            guard let batch else { return }
            let target = schema ?? batch.schema
            schema = target
            try await context.output.emit(try Self.align(batch, to: target, context: context))
        }
    }

    static func align(_ batch: RecordBatch, to schema: Schema, context: NodeContext) throws -> RecordBatch {
        if batch.schema == schema { return batch }
        var bad: Set<Int> = []
        var columns: [Column] = []
        for field in schema.fields {
            guard let source = batch.column(named: field.name) else {
                columns.append(.nulls(field.type, count: batch.rowCount))
                continue
            }
            if source.type == field.type {
                columns.append(source)
                continue
            }
            var builder = ColumnBuilder(type: field.type, capacity: batch.rowCount)
            for row in 0..<batch.rowCount {
                do { try builder.append(source[row]) } catch {
                    builder.appendNull()
                    if bad.insert(row).inserted { try context.reject(batch, row: row, reason: "\(field.name): \(error)") }
                }
            }
            columns.append(builder.finish())
        }
        let aligned = RecordBatch(schema: schema, columns: columns)
        return bad.isEmpty ? aligned : aligned.filtering((0..<batch.rowCount).map { !bad.contains($0) })
    }
}
