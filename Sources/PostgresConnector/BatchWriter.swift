import Pipelines
import PostgresClient

/// Sends a loader's batches through COPY and deals with bad rows per `on_error`: with `fail`
/// the first refusal ends the load, naming the row and the server's message; with `skip` or
/// `quarantine` each batch runs under a savepoint and a refused batch is bisected until the
/// rows the server refuses are isolated and handed to ``NodeContext/reject(_:row:reason:)``.
struct BatchWriter {
    let connection: PostgresConnection
    let plan: LoadTarget.Plan
    let context: NodeContext
    private(set) var rowsWritten: Int64 = 0
    private(set) var bytesSent: Int64 = 0
    /// Input rows before the current batch, for positions in messages.
    private var rowsBefore = 0
    private var batchNumber = 0

    init(connection: PostgresConnection, plan: LoadTarget.Plan, context: NodeContext) {
        self.connection = connection
        self.plan = plan
        self.context = context
    }

    mutating func write(_ batch: RecordBatch) async throws {
        batchNumber += 1
        defer { rowsBefore += batch.rowCount }
        if context.onError == .fail {
            let outcome = try await copy(batch)
            try rejectConversions(outcome, batch)
            if let (message, row) = outcome.rejection {
                let position = row.map { "row \(rowsBefore + $0 + 1)" } ?? "rows \(rowsBefore + 1)–\(rowsBefore + batch.rowCount)"
                throw NodeFailure("batch \(batchNumber), \(position) of the input was refused: \(message)")
            }
            return
        }
        var outcome: CopyInOutcome?
        try await withSavepoint { () async throws -> Bool in
            outcome = try await copy(batch)
            return outcome?.rejection == nil
        }
        guard let outcome else { return }
        try rejectConversions(outcome, batch)
        if outcome.rejection != nil {
            let failed = Set(outcome.conversionFailures.map(\.row))
            try await bisect(batch, rows: (0..<batch.rowCount).filter { !failed.contains($0) })
        }
    }

    /// Loads `rows` of `batch` under a savepoint; when the server refuses them, loads each half
    /// the same way, down to single rows, which are rejected with the server's message.
    private mutating func bisect(_ batch: RecordBatch, rows: [Int]) async throws {
        guard !rows.isEmpty else { return }
        var refusal: ServerMessage?
        try await withSavepoint { () async throws -> Bool in
            let outcome = try await copy(batch.gathering(rows))
            refusal = outcome.rejection?.message
            return refusal == nil
        }
        guard let refusal else { return }
        if rows.count == 1 {
            try context.reject(batch, row: rows[0], reason: "row \(rowsBefore + rows[0] + 1): \(refusal)")
            return
        }
        let middle = rows.count / 2
        try await bisect(batch, rows: Array(rows[..<middle]))
        try await bisect(batch, rows: Array(rows[middle...]))
    }

    /// Runs `body` under a savepoint, kept when it returns true and rolled back otherwise.
    private func withSavepoint(_ body: () async throws -> Bool) async throws {
        try await connection.query("SAVEPOINT etlb_batch")
        let keep = try await body()
        if !keep { try await connection.query("ROLLBACK TO SAVEPOINT etlb_batch") }
        try await connection.query("RELEASE SAVEPOINT etlb_batch")
    }

    private mutating func copy(_ batch: RecordBatch) async throws -> CopyInOutcome {
        let outcome = try await connection.copyIn(plan.copySQL, batch, encoder: plan.encoder)
        rowsWritten += Int64(outcome.rowsWritten)
        bytesSent += Int64(outcome.rejection == nil ? outcome.bytesSent : 0)
        return outcome
    }

    /// Rows whose cells did not convert to the column types: rejected per `on_error`.
    private func rejectConversions(_ outcome: CopyInOutcome, _ batch: RecordBatch) throws {
        for (row, reason) in outcome.conversionFailures {
            try context.reject(batch, row: row, reason: "row \(rowsBefore + row + 1): \(reason)")
        }
    }
}
