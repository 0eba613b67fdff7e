/// The rows of a query, each cell as PostgreSQL's text (nil for null).
public struct PostgresRows: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[String?]]
    /// The command tag's row count (`INSERT 0 5` → 5), 0 when there is none.
    public var affectedRows: Int

    public init(columns: [String], rows: [[String?]], affectedRows: Int) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
    }

    /// The single value of a one-row, one-column result.
    public var scalar: String? { rows.first?.first ?? nil }
}

/// A result column as the server describes it.
public struct ResultColumn: Sendable, Hashable {
    public var name: String
    /// The type's OID.
    public var oid: UInt32
    /// The type modifier (`varchar(20)` → 24), -1 when none.
    public var typmod: Int32
    /// The table the column comes from, when it is a plain table column (0 otherwise).
    public var tableOID: UInt32

    public init(name: String, oid: UInt32, typmod: Int32, tableOID: UInt32 = 0) {
        self.name = name
        self.oid = oid
        self.typmod = typmod
        self.tableOID = tableOID
    }
}

/// What a COPY FROM STDIN of one batch did.
public struct CopyInOutcome: Sendable {
    /// Rows the server accepted (not yet committed).
    public var rowsWritten: Int
    /// Bytes sent.
    public var bytesSent: Int
    /// Batch rows left out because a cell could not take its column's type.
    public var conversionFailures: [(row: Int, reason: String)]
    /// The server's refusal of the batch (nothing of it was written) and the batch row it names.
    public var rejection: (message: ServerMessage, row: Int?)?
}
