import Pipelines
import PostgresClient

/// Describes an extraction query and decides how each column is read: its wire type, batch
/// type, PostgreSQL type name and — for a table read — the table's primary key.
struct ReadPlanner {
    var connection: PostgresConnection
    var source: ExtractionSource
    var context: NodeContext

    func plan(_ query: ExtractionQuery, batchSize: Int) async throws -> ReadPlan {
        let columns = try await connection.describe(query.sql, parameterCount: query.parameters.count)
        guard !columns.isEmpty else { throw NodeFailure("the query returns no columns") }
        let names = try await connection.typeNames(columns)
        var fields: [Field] = []
        var types: [WireType] = []
        var selections: [String] = []
        var casts = false
        for (column, typeName) in zip(columns, names) {
            if let type = WireType(oid: column.oid, typmod: column.typmod) {
                types.append(type)
                fields.append(Field(name: column.name, type: type.dataType, native: NativeType(system: "postgres", name: typeName)))
                selections.append("etlb_source.\(SQL.identifier(column.name))")
            } else {
                context.log(.warning, "Column \(column.name) has type \(typeName), which is read as text")
                casts = true
                types.append(.text)
                fields.append(Field(name: column.name, type: .string))
                // format() prints through the type's output function (a text cast may differ:
                // inet's adds the netmask); nulls stay null.
                let value = "etlb_source.\(SQL.identifier(column.name))"
                selections.append("CASE WHEN \(value) IS NULL THEN NULL ELSE format('%s', \(value)) END AS \(SQL.identifier(column.name))")
            }
        }
        let sql = casts ? "SELECT \(selections.joined(separator: ", ")) FROM (\(query.sql)) AS etlb_source" : query.sql
        let schema = Schema(fields, primaryKey: try await primaryKey(columns))
        return ReadPlan(sql: sql, parameters: query.parameters, schema: schema, types: types, batchSize: batchSize)
    }

    /// The source table's primary key when every result column comes from that one table and
    /// the key's columns are all read.
    private func primaryKey(_ columns: [ResultColumn]) async throws -> [String] {
        let key: [String]
        switch source {
        case .table(let schema, let table, _, _):
            key = try await connection.primaryKey(schema: schema, table: table)
        case .query:
            guard let table = columns.first?.tableOID, table != 0, columns.allSatisfy({ $0.tableOID == table }) else { return [] }
            key = try await connection.primaryKey(tableOID: table)
        }
        let names = Set(columns.map(\.name))
        return key.allSatisfy(names.contains) ? key : []
    }
}
