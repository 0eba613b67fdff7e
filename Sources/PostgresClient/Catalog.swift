/// A column of an existing table, as the catalog describes it.
public struct TableColumn: Sendable, Hashable {
    public var name: String
    public var oid: UInt32
    public var typmod: Int32
    /// The type as DDL writes it (`character varying(20)`, `numeric(12,2)`).
    public var typeName: String
}

/// Catalog look-ups the connector needs: table columns with exact types, primary keys, type names.
extension PostgresConnection {
    /// The columns of `schema.table` in order, or nil when there is no such table.
    public func tableColumns(schema: String, table: String) async throws(PostgresError) -> [TableColumn]? {
        let relation = SQL.qualified(schema, table)
        guard try await query("SELECT to_regclass($1)::oid", [relation]).scalar != nil else { return nil }
        let rows = try await query(
            """
            SELECT a.attname, a.atttypid::int8, a.atttypmod, format_type(a.atttypid, a.atttypmod)
            FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
            """, [relation])
        return rows.rows.map { row in
            TableColumn(
                name: row[0] ?? "", oid: UInt32(row[1] ?? "") ?? 0, typmod: Int32(row[2] ?? "") ?? -1, typeName: row[3] ?? "")
        }
    }

    /// The primary key columns of `schema.table` in key order; empty when it has none.
    public func primaryKey(schema: String, table: String) async throws(PostgresError) -> [String] {
        try await primaryKey(relation: SQL.qualified(schema, table))
    }

    /// The primary key columns of the table with OID `oid`.
    public func primaryKey(tableOID oid: UInt32) async throws(PostgresError) -> [String] {
        try await primaryKey(relation: String(oid))
    }

    private func primaryKey(relation: String) async throws(PostgresError) -> [String] {
        let rows = try await query(
            """
            SELECT a.attname FROM pg_index i
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = (CASE WHEN $1 ~ '^[0-9]+$' THEN $1::oid ELSE to_regclass($1)::oid END) AND i.indisprimary
            ORDER BY k.position
            """, [relation])
        return rows.rows.compactMap { $0[0] }
    }

    /// The DDL names of result columns' types (`format_type`), in order.
    public func typeNames(_ columns: [ResultColumn]) async throws(PostgresError) -> [String] {
        guard !columns.isEmpty else { return [] }
        let rows = try await query(
            "SELECT format_type(t.oid, t.typmod) FROM unnest($1::oid[], $2::int4[]) WITH ORDINALITY AS t(oid, typmod, position) ORDER BY t.position",
            ["{" + columns.map { String($0.oid) }.joined(separator: ",") + "}", "{" + columns.map { String($0.typmod) }.joined(separator: ",") + "}"])
        return rows.rows.map { $0[0] ?? "text" }
    }
}
