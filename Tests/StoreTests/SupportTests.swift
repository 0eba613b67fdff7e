import Crypto
import Foundation
import Testing

@testable import Store

@Suite("Store support types")
struct SupportTests {
    @Test("timestamps format as fixed-width ISO-8601 UTC with microseconds and parse back")
    func timestampRoundTrip() {
        let date = Date(timeIntervalSince1970: 1_737_338_405.123456)
        #expect(Timestamp.format(date) == "2025-01-20T02:00:05.123456Z")
        #expect(Timestamp.parse("2025-01-20T02:00:05.123456Z") == Timestamp.normalize(date))
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000000Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1.5)) == "1969-12-31T23:59:58.500000Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000000Z")
        #expect(Timestamp.parse("2025-01-20 02:00:05") == Date(timeIntervalSince1970: 1_737_338_405))
        #expect(Timestamp.parse("2025-01-20T02:00:05.5Z") == Date(timeIntervalSince1970: 1_737_338_405.5))
        #expect(Timestamp.parse("2025-13-20T02:00:05Z") == nil)
        #expect(Timestamp.parse("yesterday") == nil)
        for seconds in stride(from: -1e9, through: 4e9, by: 7_777_777.777_777) {
            let d = Timestamp.normalize(Date(timeIntervalSince1970: seconds))
            #expect(Timestamp.parse(Timestamp.format(d)) == d)
            #expect(Timestamp.normalize(d) == d)
        }
    }

    @Test("timestamp text sorts in time order")
    func timestampOrder() {
        let dates = [0.0, 0.000001, 59.999999, 86_399.5, 951_782_400, 1_737_338_405.1].map {
            Date(timeIntervalSince1970: $0)
        }
        let texts = dates.map(Timestamp.format)
        #expect(texts == texts.sorted())
    }

    @Test("scripts split on top-level semicolons only")
    func scriptSplitting() {
        let script = """
            -- header; with a semicolon
            CREATE TABLE a (x TEXT DEFAULT 'a;b');  /* c; d */
            INSERT INTO a VALUES ('it''s; fine');
            CREATE TRIGGER t AFTER INSERT ON a BEGIN
                UPDATE a SET x = 'y'; DELETE FROM a WHERE x = 'z';
            END;
            -- only a comment;
            SELECT "weird;name" FROM a
            """
        let statements = SQLScript.statements(script)
        #expect(statements.count == 4)
        #expect(statements[0].hasSuffix("DEFAULT 'a;b')"))
        #expect(statements[1] == "/* c; d */\nINSERT INTO a VALUES ('it''s; fine')")
        #expect(statements[2].hasPrefix("CREATE TRIGGER") && statements[2].hasSuffix("END"))
        #expect(statements[3].hasSuffix(#"SELECT "weird;name" FROM a"#))
        #expect(SQLScript.statements("  -- nothing\n ; ;").isEmpty)
    }

    @Test("LIKE patterns escape the wildcard and escape characters")
    func likeEscaping() {
        #expect(likeSubstringPattern("50%_off\\") == #"%50\%\_off\\%"#)
        #expect(likeSubstringPattern("plain") == "%plain%")
    }

    @Test("SHA-256 hex matches the standard test vector")
    func sha256() {
        #expect(TokenHash.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Migration(version: 1, name: "x", sql: "abc").checksum == TokenHash.sha256Hex("abc"))
    }

    @Test("the cipher wants a 256-bit key and binds ciphertext to its owner")
    func cipher() throws {
        #expect(throws: StoreError.self) { try SecretCipher(key: SymmetricKey(size: .bits128)) }
        #expect(throws: StoreError.self) { try SecretCipher(base64Key: "not base64!") }
        let key = SecretCipher.generateKey()
        let base64 = key.withUnsafeBytes { Data($0).base64EncodedString() }
        let cipher = try SecretCipher(base64Key: base64)
        let owner = UUID()
        let sealed = try cipher.seal(["password": "hunter2"], owner: owner)
        #expect(!sealed.contains("hunter2"))
        #expect(try cipher.open(sealed, owner: owner) == ["password": "hunter2"])
        #expect(try cipher.seal(["password": "hunter2"], owner: owner) != sealed)  // fresh nonce each time
        #expect(throws: StoreError.secretUnreadable(connection: owner.uuidString.lowercased())) {
            try cipher.open("v1:AAAA", owner: owner)
        }
        let other = UUID()
        #expect(throws: StoreError.secretUnreadable(connection: other.uuidString.lowercased())) {
            try cipher.open(sealed, owner: other)
        }
    }

    @Test("errors carry stable codes and readable messages")
    func errorCodes() {
        #expect(StoreError.notFound(entity: "pipeline", id: "x").code == "NOT_FOUND")
        #expect(StoreError.notFound(entity: "pipeline", id: "x").message == "pipeline 'x' not found")
        #expect(StoreError.conflict(entity: "user", field: "email").code == "CONFLICT")
        #expect(StoreError.migrationTampered(file: "0001_initial.sql").code == "MIGRATION_TAMPERED")
        #expect(StoreError.migrationFailed(file: "f.sql", reason: "r").message.contains("f.sql"))
    }

    @Test("the bundled SQLite migrations are embedded in version order")
    func bundled() {
        let list = BundledMigrations.sqlite
        #expect(!list.isEmpty)
        #expect(list.map(\.version) == list.map(\.version).sorted())
        #expect(list.first?.filename == "0001_initial.sql")
        #expect(list.first?.sql.contains("CREATE TABLE executions") == true)
    }

    @Test("page arithmetic")
    func paging() {
        #expect(Page<Int>(items: [], total: 0, page: 1, pageSize: 20).totalPages == 0)
        #expect(Page<Int>(items: [], total: 41, page: 1, pageSize: 20).totalPages == 3)
        #expect(PageRequest(page: 3, pageSize: 20).offset == 40)
    }
}
