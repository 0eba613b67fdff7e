import Pipelines
import PostgresClient

/// Loads its input into a table in one transaction. Nothing is visible to others until the
/// whole run succeeded: the COMMIT runs in the run's commit hook, and a failure anywhere —
/// here, in another node, or the connection dying — leaves the table as it was.
struct PostgresLoader: NodeOperator {
    var connectionReference: String
    var target: LoadTarget
    var setup: NodeSetup

    func run(_ context: NodeContext) async throws {
        let input = context.inputs[0]
        let first = try await input.next()
        let resolved = try await setup.connection(connectionReference)
        let connection = try await PostgresConnection.connect(PostgresConfiguration(config: resolved.config))
        do {
            try await connection.query("BEGIN")
            var writer: BatchWriter?
            if let plan = try await target.prepare(connection, input: first?.schema) {
                var batchWriter = BatchWriter(connection: connection, plan: plan, context: context)
                var next = first
                while let batch = next {
                    try await batchWriter.write(batch)
                    next = try await input.next()
                }
                try await plan.finish(connection)
                writer = batchWriter
            }
            let rows = writer?.rowsWritten ?? 0
            context.recordLoaded(rows: rows, bytes: writer?.bytesSent ?? 0)
            context.onCommit(
                {
                    defer { connection.close() }
                    try await connection.query("COMMIT")
                },
                rollback: { connection.close() })
            context.log(
                .info, "Loaded \(rows) rows into \(target.schema).\(target.table) (\(target.mode.rawValue)); committing with the run",
                metadata: ["rows": .integer(rows)])
        } catch {
            connection.close()
            throw error
        }
    }
}
