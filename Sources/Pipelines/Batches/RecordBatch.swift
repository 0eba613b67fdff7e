/// A column's type as the system it was read from spells it (`postgres`, `character varying(20)`),
/// so that a loader writing to the same kind of system can recreate the column exactly.
public struct NativeType: Sendable, Hashable {
    /// The system whose type name this is: `postgres`…
    public var system: String
    /// The type as that system writes it in DDL.
    public var name: String

    public init(system: String, name: String) {
        self.system = system
        self.name = name
    }
}

/// A named, typed column of a batch schema.
public struct Field: Sendable, Hashable {
    public var name: String
    public var type: DataType
    /// The source's own type for the column, when the extractor knows it.
    public var native: NativeType?

    public init(name: String, type: DataType, native: NativeType? = nil) {
        self.name = name
        self.type = type
        self.native = native
    }
}

/// The columns of a batch, in order.
public struct Schema: Sendable, Hashable {
    public var fields: [Field]
    /// The columns of the source's primary key, when the extractor knows it; empty otherwise.
    public var primaryKey: [String]

    public init(_ fields: [Field], primaryKey: [String] = []) {
        self.fields = fields
        self.primaryKey = primaryKey
    }

    public var names: [String] { fields.map(\.name) }

    /// The position of the column called `name`.
    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }
}

/// A few thousand rows held column by column: the unit that flows through the channels
/// between nodes (DESIGN.md "Record batches").
public struct RecordBatch: Sendable {
    /// Rows per batch the readers aim for: large enough to amortise per-batch work, small enough
    /// that a handful of batches in flight keep memory flat.
    public static let preferredRowCount = 8192

    public let schema: Schema
    public let columns: [Column]
    public let rowCount: Int

    /// A batch of `columns`, all of `rowCount` cells.
    public init(schema: Schema, columns: [Column]) {
        precondition(schema.fields.count == columns.count, "a batch needs one column per field")
        self.schema = schema
        self.columns = columns
        rowCount = columns.first?.count ?? 0
    }

    /// An empty batch of `schema`.
    public init(empty schema: Schema) {
        self.init(schema: schema, columns: schema.fields.map { Column.nulls($0.type, count: 0) })
    }

    /// Builds a batch from rows of values converted to the schema's types.
    public init(schema: Schema, rows: [[Value]]) throws(ValueConversionError) {
        var builders = schema.fields.map { ColumnBuilder(type: $0.type, capacity: rows.count) }
        for row in rows {
            for index in builders.indices { try builders[index].append(row[index]) }
        }
        self.init(schema: schema, columns: builders.indices.map { builders[$0].finish() })
    }

    /// The column called `name`.
    public func column(named name: String) -> Column? { schema.index(of: name).map { columns[$0] } }

    /// The values of one row.
    public func row(_ index: Int) -> [Value] { columns.map { $0[index] } }

    /// Every row as values (tests and small batches).
    public var rows: [[Value]] { (0..<rowCount).map(row) }

    /// The rows at `indices`, in that order.
    public func gathering(_ indices: some Collection<Int>) -> RecordBatch {
        RecordBatch(schema: schema, columns: columns.map { $0.gathering(indices) })
    }

    /// The rows whose `mask` entry is true.
    public func filtering(_ mask: [Bool]) -> RecordBatch {
        var indices: [Int] = []
        indices.reserveCapacity(rowCount)
        for index in 0..<rowCount where mask[index] { indices.append(index) }
        return indices.count == rowCount ? self : gathering(indices)
    }

    /// Rows `range` of the batch.
    public func slice(_ range: Range<Int>) -> RecordBatch { range == 0..<rowCount ? self : gathering(range) }

    /// The batches one after the other; they must share `schema`.
    public static func concatenating(_ batches: [RecordBatch], schema: Schema) -> RecordBatch {
        RecordBatch(
            schema: schema,
            columns: schema.fields.indices.map { index in
                Column.concatenating(batches.map { $0.columns[index] }, type: schema.fields[index].type)
            })
    }

    /// Approximate bytes held, for memory accounting.
    public var byteSize: Int { columns.reduce(0) { $0 + $1.byteSize } }
}
