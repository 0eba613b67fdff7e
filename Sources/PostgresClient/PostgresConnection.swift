import CLibPQ
import Pipelines
import Synchronization

/// A connection to PostgreSQL through libpq. Every libpq call runs on the connection's own
/// thread, in submission order; the async methods suspend the calling task meanwhile, and
/// cancelling that task cancels the running statement on the server (`PQcancel`).
public final class PostgresConnection: Sendable {
    /// The server's `server_version` (`15.18 (Debian 15.18-0+deb12u1)`).
    public let serverVersion: String
    private let thread: ConnectionThread
    private let state: ThreadState
    private let cancel: CancelHandle

    private init(thread: ConnectionThread, state: ThreadState, serverVersion: String, cancel: CancelHandle) {
        self.thread = thread
        self.state = state
        self.serverVersion = serverVersion
        self.cancel = cancel
    }

    deinit { close() }

    /// Connects with `configuration`.
    public static func connect(_ configuration: PostgresConfiguration) async throws(PostgresError) -> PostgresConnection {
        let thread = ConnectionThread(name: "postgres")
        let state = ThreadState()
        do {
            let (version, cancel) = try await thread.run { () throws(PostgresError) in
                let session = try PostgresSession.connect(configuration)
                state.session = session
                return (session.parameter("server_version") ?? "", CancelHandle(session.makeCancel()))
            }
            return PostgresConnection(thread: thread, state: state, serverVersion: version, cancel: cancel)
        } catch {
            thread.stop()
            throw error
        }
    }

    /// Runs `sql` with `parameters` bound to `$1`, `$2`… (as text; nil is null).
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) async throws(PostgresError) -> PostgresRows {
        try await perform { session throws(PostgresError) in try session.execute(sql, parameters: parameters) }
    }

    /// The columns `sql` returns, without running it.
    public func describe(_ sql: String, parameterCount: Int) async throws(PostgresError) -> [ResultColumn] {
        try await perform { session throws(PostgresError) in try session.describe(sql, parameterCount: parameterCount) }
    }

    /// Encodes `batch` for `encoder`'s columns and sends it with `copySQL`
    /// (`COPY … FROM STDIN (FORMAT binary)`), both on the connection's thread.
    public func copyIn(_ copySQL: String, _ batch: RecordBatch, encoder: BinaryCopyEncoder) async throws(PostgresError) -> CopyInOutcome {
        try await perform { session throws(PostgresError) in try session.copyIn(copySQL, try encoder.encode(batch)) }
    }

    /// Starts reading `plan`; then call ``nextBatch(rows:)`` until it returns nil.
    public func startRead(_ plan: ReadPlan) async throws(PostgresError) {
        try await perform { session throws(PostgresError) in
            let source: BatchReader.Source
            if plan.parameters.isEmpty {
                try session.startCopyOut("COPY (\(plan.sql)) TO STDOUT (FORMAT binary)")
                source = .copy
            } else {
                // COPY takes no parameters: a binary cursor streams a parameterised query.
                let cursor = "etlb_read"
                _ = try session.execute("DECLARE \(SQL.identifier(cursor)) BINARY NO SCROLL CURSOR FOR \(plan.sql)", parameters: plan.parameters)
                source = .cursor(name: cursor)
            }
            session.reader = BatchReader(schema: plan.schema, types: plan.types, source: source, batchSize: plan.batchSize)
        }
    }

    /// The next batch of the read started by ``startRead(_:)``, decoded on the connection's
    /// thread; nil at the end.
    public func nextBatch(rows: Int) async throws(PostgresError) -> RecordBatch? {
        try await perform { session throws(PostgresError) in
            guard var reader = session.reader else { return nil }
            session.reader = nil
            let batch = try reader.next(session, rows: rows)
            session.reader = reader
            return batch
        }
    }

    /// Closes the connection after the work already submitted; an open transaction is rolled
    /// back by the server. Safe to call more than once.
    public func close() {
        let state = state
        let cancel = cancel
        thread.submit {
            state.session = nil
            cancel.free()
        }
        thread.stop()
    }

    /// Runs `body` with the session on the connection thread; a cancelled task cancels the
    /// statement in flight.
    private func perform<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresSession) throws(PostgresError) -> Result
    ) async throws(PostgresError) -> Result {
        let state = state
        let outcome: Swift.Result<Result, PostgresError> = await withTaskCancellationHandler {
            do throws(PostgresError) {
                return .success(
                    try await thread.run { () throws(PostgresError) in
                        guard let session = state.session else { throw .closed }
                        return try body(session)
                    })
            } catch {
                return .failure(error)
            }
        } onCancel: { [cancel] in
            cancel.cancel()
        }
        if case .failure = outcome, Task.isCancelled { throw .cancelled }
        return try outcome.get()
    }
}

/// What jobs on a connection thread share.
///
/// `@unchecked Sendable` is safe because only jobs running on the connection's single
/// ``ConnectionThread`` read or write these properties, and that thread runs one job at a time.
final class ThreadState: @unchecked Sendable {
    var session: PostgresSession?
}

/// libpq's cancel handle. `PQcancel` is thread-safe; the lock keeps it from racing the free.
final class CancelHandle: Sendable {
    private let pointer: Mutex<OpaquePointer?>

    init(_ pointer: sending OpaquePointer?) { self.pointer = Mutex(pointer) }

    /// Asks the server to cancel the connection's running statement (no-op when idle).
    func cancel() {
        pointer.withLock { pointer in
            guard let pointer else { return }
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(pointer, &buffer, Int32(buffer.count))
        }
    }

    func free() {
        pointer.withLock { pointer in
            if let current = pointer { PQfreeCancel(current) }
            pointer = nil
        }
    }
}
