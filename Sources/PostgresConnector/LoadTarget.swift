import Pipelines
import PostgresClient

/// How a loader treats the rows already in its table.
enum LoadMode: String, Sendable {
    /// Adds the input's rows.
    case append
    /// Loads a new table (shaped like the old one, or from the input when there is none) and
    /// swaps it in place of the old one.
    case replace
    /// Empties the table, then loads.
    case truncate
    /// Upserts on the primary key through a staging table.
    case merge
}

/// The table a loader writes and what it does to it. Every statement runs in the loader's one
/// transaction, so none of it is visible before the run commits.
struct LoadTarget: Sendable {
    var schema: String
    var table: String
    var mode: LoadMode
    var primaryKey: [String]
    var createTable: Bool
    var addNewColumns: Bool

    var qualified: String { SQL.qualified(schema, table) }

    /// Where the batches of one run go: the COPY statement, the encoder for the written table's
    /// columns, and the statements that finish the load.
    struct Plan: Sendable {
        var copySQL: String
        var encoder: BinaryCopyEncoder
        var finish: Finish
    }

    /// The statements that complete a load after its last batch (a merge's upsert, a swap).
    typealias Finish = @Sendable (PostgresConnection) async throws -> Void

    /// Makes the table ready for an input of `input` and returns the plan. `input` is nil when
    /// no batch came: then only `truncate` and `replace` do anything (they empty the table).
    func prepare(_ connection: PostgresConnection, input: Schema?) async throws -> Plan? {
        var existing = try await connection.tableColumns(schema: schema, table: table)
        guard let input else {
            if existing != nil, mode == .truncate || mode == .replace { try await connection.query("TRUNCATE \(qualified)") }
            return nil
        }
        if existing == nil {
            guard createTable || mode == .replace else {
                throw NodeFailure("table \(schema).\(table) does not exist; set create_table: true to create it from the input")
            }
            if mode != .replace {
                try await connection.query(Self.createStatement(qualified, input, primaryKey: key(input)))
                existing = try await connection.tableColumns(schema: schema, table: table)
            }
        }
        if let columns = existing { try await addMissingColumns(connection, input, have: columns) }
        switch mode {
        case .append:
            return try await plan(connection, into: qualified, schema: schema, table: table, input) { _ in }
        case .truncate:
            try await connection.query("TRUNCATE \(qualified)")
            return try await plan(connection, into: qualified, schema: schema, table: table, input) { _ in }
        case .replace:
            return try await replacePlan(connection, input, exists: existing != nil)
        case .merge:
            return try await mergePlan(connection, input)
        }
    }

    /// The primary key to create or merge on: the config's, else the input's source key.
    private func key(_ input: Schema) -> [String] { primaryKey.isEmpty ? input.primaryKey : primaryKey }

    private func addMissingColumns(_ connection: PostgresConnection, _ input: Schema, have columns: [TableColumn]) async throws {
        let present = Set(columns.map(\.name))
        let missing = input.fields.filter { !present.contains($0.name) }
        guard !missing.isEmpty else { return }
        guard addNewColumns else {
            throw NodeFailure(
                "table \(schema).\(table) has no column \(missing.map(\.name).joined(separator: ", ")); set add_new_columns: true to add it")
        }
        for field in missing {
            try await connection.query("ALTER TABLE \(qualified) ADD COLUMN \(SQL.identifier(field.name)) \(Self.typeName(field))")
        }
    }

    /// `COPY` into `relation` for the input's columns, typed from the catalog.
    private func plan(
        _ connection: PostgresConnection, into relation: String, schema: String, table: String, _ input: Schema,
        finish: @escaping Finish
    ) async throws -> Plan {
        guard let columns = try await connection.tableColumns(schema: schema, table: table) else {
            throw NodeFailure("table \(schema).\(table) disappeared while loading")
        }
        let byName = Dictionary(columns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let targets = try input.fields.map { field in
            guard let column = byName[field.name] else { throw NodeFailure("table \(schema).\(table) has no column \(field.name)") }
            guard let type = WireType(oid: column.oid, typmod: column.typmod) else {
                throw NodeFailure("column \(field.name) of \(schema).\(table) has type \(column.typeName), which the loader cannot write")
            }
            return TargetColumn(name: field.name, type: type)
        }
        return Plan(
            copySQL: "COPY \(relation) (\(SQL.list(targets.map(\.name)))) FROM STDIN (FORMAT binary)",
            encoder: BinaryCopyEncoder(columns: targets), finish: finish)
    }

    private func replacePlan(_ connection: PostgresConnection, _ input: Schema, exists: Bool) async throws -> Plan {
        let newName = table + "__etlb_new"
        let newTable = SQL.qualified(schema, newName)
        try await connection.query("DROP TABLE IF EXISTS \(newTable)")
        if exists {
            try await connection.query("CREATE TABLE \(newTable) (LIKE \(qualified) INCLUDING ALL)")
        } else {
            try await connection.query(Self.createStatement(newTable, input, primaryKey: key(input)))
        }
        let (schema, table, qualified) = (schema, table, qualified)
        let finish: Finish = { connection in
            if exists { try await connection.query("DROP TABLE \(qualified)") }
            try await connection.query("ALTER TABLE \(newTable) RENAME TO \(SQL.identifier(table))")
            // The new table's key constraint got a name of its own; give it the usual one back.
            let key = try await connection.query(
                "SELECT conname FROM pg_constraint WHERE conrelid = to_regclass($1) AND contype = 'p'", [SQL.qualified(schema, table)])
            if let current = key.scalar, current != table + "_pkey" {
                try await connection.query(
                    "ALTER TABLE \(qualified) RENAME CONSTRAINT \(SQL.identifier(current)) TO \(SQL.identifier(table + "_pkey"))")
            }
        }
        return try await plan(connection, into: newTable, schema: schema, table: newName, input, finish: finish)
    }

    private func mergePlan(_ connection: PostgresConnection, _ input: Schema) async throws -> Plan {
        var mergeKey = primaryKey
        if mergeKey.isEmpty { mergeKey = try await connection.primaryKey(schema: schema, table: table) }
        guard !mergeKey.isEmpty else { throw NodeFailure("merge needs a primary_key (the table has none)") }
        let names = input.names
        for column in mergeKey where !names.contains(column) {
            throw NodeFailure("the merge key column \(column) is not in the input")
        }
        let staging = "etlb_merge_staging"
        try await connection.query(
            "CREATE TEMP TABLE \(SQL.identifier(staging)) ON COMMIT DROP AS SELECT \(SQL.list(names)) FROM \(qualified) WITH NO DATA")
        let updates = names.filter { !mergeKey.contains($0) }.map { "\(SQL.identifier($0)) = EXCLUDED.\(SQL.identifier($0))" }
        // The last row of a key within one run wins (COPY keeps arrival order in ctid).
        let upsert = """
            INSERT INTO \(qualified) (\(SQL.list(names)))
            SELECT DISTINCT ON (\(SQL.list(mergeKey))) \(SQL.list(names)) FROM \(SQL.identifier(staging))
            ORDER BY \(SQL.list(mergeKey)), ctid DESC
            ON CONFLICT (\(SQL.list(mergeKey))) DO \(updates.isEmpty ? "NOTHING" : "UPDATE SET " + updates.joined(separator: ", "))
            """
        return try await plan(connection, into: SQL.identifier(staging), schema: "pg_temp", table: staging, input) { connection in
            try await connection.query(upsert)
        }
    }

    /// `CREATE TABLE` for `input`'s columns with their exact source types and `primaryKey`.
    static func createStatement(_ relation: String, _ input: Schema, primaryKey: [String]) -> String {
        var definitions = input.fields.map { "\(SQL.identifier($0.name)) \(typeName($0))" }
        if !primaryKey.isEmpty { definitions.append("PRIMARY KEY (\(SQL.list(primaryKey)))") }
        return "CREATE TABLE \(relation) (\(definitions.joined(separator: ", ")))"
    }

    /// A field's PostgreSQL type: the source's own when it was PostgreSQL, else the batch type's.
    static func typeName(_ field: Field) -> String {
        if let native = field.native, native.system == "postgres" { return native.name }
        return WireType.ddlName(for: field.type)
    }

}
