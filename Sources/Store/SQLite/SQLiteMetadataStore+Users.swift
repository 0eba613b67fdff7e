import SQLiteNIO

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SQLiteMetadataStore {
    static let userColumns = """
        id, username, email, full_name, password_hash, role, is_active, failed_login_count, locked_until, \
        created_at, updated_at, last_login_at
        """

    static func decodeUser(_ row: SQLiteRow) throws(StoreError) -> UserRecord {
        let r = RowReader(row)
        return UserRecord(
            id: try r.uuid("id"), username: try r.text("username"), email: try r.text("email"),
            fullName: try r.optText("full_name"), passwordHash: try r.text("password_hash"),
            role: try r.enumValue("role"), isActive: try r.bool("is_active"),
            failedLoginCount: try r.int("failed_login_count"), lockedUntil: try r.optDate("locked_until"),
            createdAt: try r.date("created_at"), updatedAt: try r.date("updated_at"),
            lastLoginAt: try r.optDate("last_login_at"))
    }

    public func createUser(_ user: NewUser) async throws(StoreError) -> UserRecord {
        guard !user.username.isEmpty else { throw .invalidArgument("username must not be empty") }
        guard !user.email.isEmpty else { throw .invalidArgument("email must not be empty") }
        let now = now()
        let rows = try await transaction { connection in
            try await connection.query(
                """
                INSERT INTO users (id, username, email, full_name, password_hash, role, is_active,
                                   failed_login_count, created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?8)
                RETURNING \(Self.userColumns)
                """,
                [
                    .uuid(user.id), .text(user.username), .text(user.email), .optText(user.fullName),
                    .text(user.passwordHash), .text(user.role.rawValue), .flag(user.isActive), .timestamp(now),
                ])
        }
        return try Self.decodeUser(try Self.single(rows, entity: "user", id: user.id))
    }

    public func user(id: UUID) async throws(StoreError) -> UserRecord? {
        let rows = try await access { connection in
            try await connection.query("SELECT \(Self.userColumns) FROM users WHERE id = ?1", [.uuid(id)])
        }
        return try rows.first.map { row throws(StoreError) in try Self.decodeUser(row) }
    }

    public func user(username: String) async throws(StoreError) -> UserRecord? {
        let rows = try await access { connection in
            try await connection.query(
                "SELECT \(Self.userColumns) FROM users WHERE lower(username) = lower(?1)", [.text(username)])
        }
        return try rows.first.map { row throws(StoreError) in try Self.decodeUser(row) }
    }

    public func listUsers(page: PageRequest) async throws(StoreError) -> Page<UserRecord> {
        let page = try page.validated()
        let (rows, total) = try await access { connection in
            let total = try await connection.query("SELECT count(*) AS n FROM users")
            let rows = try await connection.query(
                "SELECT \(Self.userColumns) FROM users ORDER BY created_at, id LIMIT ?1 OFFSET ?2",
                [.int(page.pageSize), .int(page.offset)])
            return (rows, try Self.count(total))
        }
        return Page(
            items: try rows.map { row throws(StoreError) in try Self.decodeUser(row) }, total: total, page: page.page,
            pageSize: page.pageSize)
    }

    public func updateUser(id: UUID, _ update: UserUpdate) async throws(StoreError) -> UserRecord {
        if let email = update.email, email.isEmpty { throw .invalidArgument("email must not be empty") }
        var binds = SQLBinds()
        var sets: [String] = []
        if let email = update.email { sets.append("email = \(binds.add(.text(email)))") }
        if let fullName = update.fullName { sets.append("full_name = \(binds.add(.optText(fullName)))") }
        if let hash = update.passwordHash { sets.append("password_hash = \(binds.add(.text(hash)))") }
        if let role = update.role { sets.append("role = \(binds.add(.text(role.rawValue)))") }
        if let isActive = update.isActive { sets.append("is_active = \(binds.add(.flag(isActive)))") }
        sets.append("updated_at = \(binds.add(.timestamp(now())))")
        let sql = "UPDATE users SET \(sets.joined(separator: ", ")) WHERE id = \(binds.add(.uuid(id))) RETURNING \(Self.userColumns)"
        let values = binds.values
        let rows = try await transaction { connection in try await connection.query(sql, values) }
        return try Self.decodeUser(try Self.single(rows, entity: "user", id: id))
    }

    public func countUsers() async throws(StoreError) -> Int {
        try await access { connection in try Self.count(try await connection.query("SELECT count(*) AS n FROM users")) }
    }

    public func recordFailedLogin(userID: UUID, lockAfter: Int, lockDuration: Duration) async throws(StoreError)
        -> UserRecord
    {
        let now = now()
        let seconds = Double(lockDuration.components.seconds) + Double(lockDuration.components.attoseconds) / 1e18
        let lockUntil = Timestamp.normalize(now.addingTimeInterval(seconds))
        let rows = try await transaction { connection in
            try await connection.query(
                """
                UPDATE users SET
                    failed_login_count = failed_login_count + 1,
                    locked_until = CASE WHEN failed_login_count + 1 >= ?2 THEN ?3 ELSE locked_until END,
                    updated_at = ?4
                WHERE id = ?1
                RETURNING \(Self.userColumns)
                """,
                [.uuid(userID), .int(max(1, lockAfter)), .timestamp(lockUntil), .timestamp(now)])
        }
        return try Self.decodeUser(try Self.single(rows, entity: "user", id: userID))
    }

    public func recordSuccessfulLogin(userID: UUID) async throws(StoreError) -> UserRecord {
        let now = now()
        let rows = try await transaction { connection in
            try await connection.query(
                """
                UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = ?2, updated_at = ?2
                WHERE id = ?1
                RETURNING \(Self.userColumns)
                """,
                [.uuid(userID), .timestamp(now)])
        }
        return try Self.decodeUser(try Self.single(rows, entity: "user", id: userID))
    }

    // MARK: - Helpers shared by the entity files

    /// The one row an `… RETURNING` on a primary key produced, or `notFound`.
    static func single(_ rows: [SQLiteRow], entity: String, id: UUID) throws(StoreError) -> SQLiteRow {
        guard let row = rows.first else { throw .notFound(entity: entity, id: id.uuidString.lowercased()) }
        return row
    }

    /// The `n` of a `SELECT count(*) AS n`.
    static func count(_ rows: [SQLiteRow]) throws(StoreError) -> Int {
        guard let row = rows.first else { return 0 }
        return try RowReader(row).int("n")
    }
}
