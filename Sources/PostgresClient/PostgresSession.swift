import CLibPQ
import Foundation
import Pipelines

/// A libpq connection and the blocking calls on it. Only jobs of the connection's
/// ``ConnectionThread`` use it, one at a time.
final class PostgresSession {
    private let connection: OpaquePointer
    /// The read in progress, if any.
    var reader: BatchReader?

    private init(connection: OpaquePointer) { self.connection = connection }

    deinit { PQfinish(connection) }

    /// Opens a connection; failures are sorted into authentication, reachability and TLS.
    static func connect(_ configuration: PostgresConfiguration) throws(PostgresError) -> PostgresSession {
        let keywords = configuration.keywords
        let pointer = withCStrings(keywords.map(\.0)) { names in
            withCStrings(keywords.map(\.1)) { values in PQconnectdbParams(names, values, 1) }
        }
        guard let pointer else { throw .connectFailed(target: "PostgreSQL", detail: "out of memory") }
        let session = PostgresSession(connection: pointer)
        // Server notices (`table … does not exist, skipping`) are not errors; keep them off stderr.
        PQsetNoticeProcessor(pointer, { _, _ in }, nil)
        guard PQstatus(pointer) == CONNECTION_OK else {
            func text(_ value: UnsafeMutablePointer<CChar>?) -> String { value.map { String(cString: $0) } ?? "" }
            throw ConnectFailure.classify(session.errorText, user: text(PQuser(pointer)), host: text(PQhost(pointer)), port: text(PQport(pointer)))
        }
        return session
    }

    /// The last libpq error text, trimmed.
    var errorText: String {
        String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A server parameter reported at startup (`server_version`…).
    func parameter(_ name: String) -> String? { PQparameterStatus(connection, name).map { String(cString: $0) } }

    /// A cancel handle for this connection; the caller frees it.
    func makeCancel() -> OpaquePointer? { PQgetCancel(connection) }

    // MARK: Statements

    /// Runs `sql` with text parameters ($1…) and returns its rows as text.
    func execute(_ sql: String, parameters: [String?] = []) throws(PostgresError) -> PostgresRows {
        let result = try run(sql, parameters: parameters)
        defer { PQclear(result) }
        try check(result, PGRES_COMMAND_OK, PGRES_TUPLES_OK)
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        let rows = (0..<Int(PQntuples(result))).map { row in
            (0..<columnCount).map { column -> String? in
                PQgetisnull(result, Int32(row), Int32(column)) == 1 ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(column)))
            }
        }
        return PostgresRows(columns: columns, rows: rows, affectedRows: Int(String(cString: PQcmdTuples(result))) ?? 0)
    }

    /// The result columns `sql` would produce, without running it.
    func describe(_ sql: String, parameterCount: Int) throws(PostgresError) -> [ResultColumn] {
        let prepared = PQprepare(connection, "", sql, Int32(parameterCount), nil)
        defer { PQclear(prepared) }
        try check(prepared, PGRES_COMMAND_OK)
        let description = PQdescribePrepared(connection, "")
        defer { PQclear(description) }
        try check(description, PGRES_COMMAND_OK)
        return (0..<PQnfields(description)).map { index in
            ResultColumn(
                name: String(cString: PQfname(description, index)), oid: PQftype(description, index), typmod: PQfmod(description, index),
                tableOID: PQftable(description, index))
        }
    }

    /// Sends one encoded batch through `COPY … FROM STDIN (FORMAT binary)`.
    func copyIn(_ sql: String, _ encoded: EncodedBatch) throws(PostgresError) -> CopyInOutcome {
        let started = try run(sql, parameters: [])
        defer { PQclear(started) }
        try check(started, PGRES_COPY_IN)
        let sent = encoded.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1, PQputCopyEnd(connection, nil) == 1 else { throw .connectionLost(detail: errorText) }
        var rejection: (message: ServerMessage, row: Int?)?
        while let result = PQgetResult(connection) {
            defer { PQclear(result) }
            if PQresultStatus(result) != PGRES_COMMAND_OK, rejection == nil {
                let failure = error(from: result)
                guard case .server(let message) = failure else { throw failure }
                let row = message.copyLine.flatMap { $0 >= 1 && $0 <= encoded.rows.count ? encoded.rows[$0 - 1] : nil }
                rejection = (message, row)
            }
        }
        return CopyInOutcome(
            rowsWritten: rejection == nil ? encoded.rows.count : 0, bytesSent: encoded.bytes.count,
            conversionFailures: encoded.failures, rejection: rejection)
    }

    // MARK: Reading

    /// Starts `COPY (…) TO STDOUT (FORMAT binary)`.
    func startCopyOut(_ sql: String) throws(PostgresError) {
        let result = try run(sql, parameters: [])
        defer { PQclear(result) }
        try check(result, PGRES_COPY_OUT)
    }

    /// The next COPY data message (a row, possibly behind the header, or the trailer) passed to
    /// `body`; false when the COPY ended.
    func nextCopyMessage(_ body: (UnsafeRawBufferPointer) throws(PostgresError) -> Void) throws(PostgresError) -> Bool {
        var buffer: UnsafeMutablePointer<CChar>?
        let length = PQgetCopyData(connection, &buffer, 0)
        if length > 0, let buffer {
            defer { PQfreemem(buffer) }
            try body(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
            return true
        }
        if length == -1 {
            while let result = PQgetResult(connection) {
                defer { PQclear(result) }
                try check(result, PGRES_COMMAND_OK)
            }
            return false
        }
        throw .connectionLost(detail: errorText)
    }

    /// Runs a statement whose result is binary rows (a `FETCH` from a binary cursor) and passes
    /// each cell to `cell(row, column, bytes)`; returns the row count.
    func fetchBinary(_ sql: String, _ cell: (Int, Int, UnsafeRawBufferPointer?) throws(PostgresError) -> Void) throws(PostgresError) -> Int {
        let result = try run(sql, parameters: [], binaryResults: true)
        defer { PQclear(result) }
        try check(result, PGRES_TUPLES_OK)
        let rows = Int(PQntuples(result))
        let columns = Int(PQnfields(result))
        for row in 0..<rows {
            for column in 0..<columns {
                let (r, c) = (Int32(row), Int32(column))
                let bytes =
                    PQgetisnull(result, r, c) == 1 ? nil : UnsafeRawBufferPointer(start: PQgetvalue(result, r, c), count: Int(PQgetlength(result, r, c)))
                try cell(row, column, bytes)
            }
        }
        return rows
    }

    // MARK: Plumbing

    private func run(_ sql: String, parameters: [String?], binaryResults: Bool = false) throws(PostgresError) -> OpaquePointer {
        let result = withOptionalCStrings(parameters) { values in
            PQexecParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, binaryResults ? 1 : 0)
        }
        guard let result else { throw PQstatus(connection) == CONNECTION_OK ? .invalidData(errorText) : .connectionLost(detail: errorText) }
        return result
    }

    private func check(_ result: OpaquePointer?, _ expected: ExecStatusType...) throws(PostgresError) {
        guard let result else { throw .connectionLost(detail: errorText) }
        guard expected.contains(PQresultStatus(result)) else { throw error(from: result) }
    }

    /// The error a failed result carries; a broken connection wins over the statement error.
    private func error(from result: OpaquePointer) -> PostgresError {
        func field(_ code: UInt8) -> String? { PQresultErrorField(result, Int32(code)).map { String(cString: $0) } }
        let message = ServerMessage(
            sqlState: field(UInt8(ascii: "C")) ?? "", message: field(UInt8(ascii: "M")) ?? errorText, detail: field(UInt8(ascii: "D")),
            hint: field(UInt8(ascii: "H")), context: field(UInt8(ascii: "W")))
        if PQstatus(connection) != CONNECTION_OK { return .connectionLost(detail: message.sqlState.isEmpty ? errorText : message.message) }
        if message.sqlState == "57014" { return .cancelled }
        return .server(message)
    }
}

/// Calls `body` with a NULL-terminated array of C strings.
private func withCStrings<Result>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> Result) -> Result {
    withOptionalCStrings(strings.map { Optional($0) } + [nil], body)
}

/// Calls `body` with C strings (nil stays a null pointer), valid during the call.
private func withOptionalCStrings<Result>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> Result) -> Result {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { $0.map { UnsafePointer($0) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
}
