import Pipelines
import PostgresClient

/// Streams a query or table into batches: the result columns are described first so each gets
/// its exact batch type (types this client does not decode are cast to text, with a warning),
/// then rows flow through binary COPY (or a binary cursor when parameters are bound).
struct PostgresExtractor: NodeOperator {
    var connectionReference: String
    var source: ExtractionSource
    var batchSize: Int
    var cursor: IncrementalCursor?
    var setup: NodeSetup

    func run(_ context: NodeContext) async throws {
        let resolved = try await setup.connection(connectionReference)
        let connection = try await PostgresConnection.connect(PostgresConfiguration(config: resolved.config))
        defer { connection.close() }
        let lowerBound = cursor.flatMap { setup.state["cursor"] ?? $0.initialValue }
        let query = try ExtractionQuery(source: source, scope: context.parameters, cursorColumn: cursor?.column, lowerBound: lowerBound)
        if !query.parameters.isEmpty {
            // A binary cursor needs a transaction; a read-only one sees one snapshot.
            try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        }
        let plan = try await ReadPlanner(connection: connection, source: source, context: context)
            .plan(query, batchSize: batchSize)
        let cursorIndex = try cursor.map { cursor in
            guard let index = plan.schema.index(of: cursor.column) else {
                throw NodeFailure("cursor_column \(cursor.column) is not a column of the result (\(plan.schema.names.joined(separator: ", ")))")
            }
            return index
        }
        let estimate = try await estimatedRows(connection)
        try await connection.startRead(plan)
        var rows: Int64 = 0
        var highest: Value = .null
        while !context.output.isClosed, let batch = try await connection.nextBatch(rows: batchSize) {
            if let cursorIndex { highest = Self.highest(batch.columns[cursorIndex], above: highest) }
            rows += Int64(batch.rowCount)
            try await context.output.emit(batch)
            if let estimate { context.reportProgress(min(1, Double(rows) / estimate)) }
        }
        if let cursor, let value = highest.isNull ? lowerBound : Self.stateValue(highest) {
            context.saveStateOnSuccess("cursor", value)
            context.log(.info, "Cursor \(cursor.column) now at \(value.stringValue ?? value.canonicalText)")
        }
        context.log(.info, "Extracted \(rows) rows from PostgreSQL", metadata: ["rows": .integer(rows)])
    }

    /// The planner's row count of a table read, for progress; nil for queries and unanalysed tables.
    private func estimatedRows(_ connection: PostgresConnection) async throws -> Double? {
        guard case .table(let schema, let table, _, _) = source else { return nil }
        let count = try await connection.query("SELECT reltuples FROM pg_class WHERE oid = to_regclass($1)", [SQL.qualified(schema, table)])
        return count.scalar.flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
    }

    /// The larger of `current` and the column's highest non-null cell.
    static func highest(_ column: Column, above current: Value) -> Value {
        var highest = current
        for row in 0..<column.count where !column.isNull(row) {
            let value = column[row]
            if highest.isNull || value > highest { highest = value }
        }
        return highest
    }

    /// The cursor value as it is kept between runs: integers as numbers, the rest as the text
    /// PostgreSQL reads back exactly.
    static func stateValue(_ value: Value) -> JSONValue? {
        switch value {
        case .null: nil
        case .int(let number): .integer(number)
        default: value.text.map(JSONValue.string)
        }
    }
}
