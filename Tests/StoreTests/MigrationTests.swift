import Foundation
import Testing

@testable import Store

@Suite("Migrations")
struct MigrationTests {
    static let createA = Migration(version: 1, name: "create_a", sql: "CREATE TABLE mig_a (x INTEGER);")
    static let createB = Migration(
        version: 2, name: "create_b", sql: "-- second\nCREATE TABLE mig_b (y TEXT);\nINSERT INTO mig_b (y) VALUES ('a;b');")

    @Test("the bundled migrations apply once; a second run applies nothing", arguments: StoreBackendFactory.all)
    func idempotent(backend: StoreBackendFactory) async throws {
        try await backend.withStore(migrate: false) { f in
            let bundled = f.store.bundledMigrations
            #expect(bundled.first?.filename == "0001_initial.sql")
            let first = try await f.store.migrate()
            #expect(first.applied == bundled.map(\.filename))
            #expect(first.alreadyApplied == 0)
            #expect(first.currentVersion == bundled.last?.version)
            let second = try await f.store.migrate()
            #expect(second.applied.isEmpty)
            #expect(second.alreadyApplied == bundled.count)
            #expect(second.currentVersion == first.currentVersion)
        }
    }

    @Test("custom lists apply in version order and extend an existing schema", arguments: StoreBackendFactory.all)
    func customList(backend: StoreBackendFactory) async throws {
        try await backend.withStore(migrate: false) { f in
            let report = try await f.store.migrate([Self.createB, Self.createA])
            #expect(report.applied == ["0001_create_a.sql", "0002_create_b.sql"])
            let createC = Migration(version: 3, name: "create_c", sql: "CREATE TABLE mig_c (z INTEGER);")
            let more = try await f.store.migrate([Self.createA, Self.createB, createC])
            #expect(more.applied == ["0003_create_c.sql"])
            #expect(more.alreadyApplied == 2)
            #expect(more.currentVersion == 3)
        }
    }

    @Test("a migration changed after it was applied is reported by file name", arguments: StoreBackendFactory.all)
    func tampered(backend: StoreBackendFactory) async throws {
        try await backend.withStore(migrate: false) { f in
            _ = try await f.store.migrate([Self.createA])
            var edited = Self.createA
            edited.sql = "CREATE TABLE mig_a (x INTEGER, extra TEXT);"
            let pending = Migration(version: 2, name: "never", sql: "CREATE TABLE mig_never (x INTEGER);")
            await expectStoreError(.migrationTampered(file: "0001_create_a.sql")) {
                try await f.store.migrate([edited, pending])
            }
            let message = StoreError.migrationTampered(file: "0001_create_a.sql").message
            #expect(message.contains("0001_create_a.sql"))
            #expect(message.contains("new migration"))
            // Nothing after the check ran: the untouched list still applies `never` cleanly.
            let report = try await f.store.migrate([Self.createA, pending])
            #expect(report.applied == ["0002_never.sql"])
        }
    }

    @Test("a failing migration rolls back whole and names its file and the database error", arguments: StoreBackendFactory.all)
    func failedRollsBack(backend: StoreBackendFactory) async throws {
        try await backend.withStore(migrate: false) { f in
            let broken = Migration(
                version: 2, name: "broken", sql: "CREATE TABLE mig_half (x INTEGER);\nCREAT TABLE oops (y INTEGER);")
            do {
                _ = try await f.store.migrate([Self.createA, broken])
                Issue.record("the broken migration should fail")
            } catch let error as StoreError {
                guard case .migrationFailed(let file, let reason) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(file == "0002_broken.sql")
                #expect(reason.contains("syntax error"))
                #expect(error.message.contains("0002_broken.sql"))
                #expect(error.code == "MIGRATION_FAILED")
            }
            // 0001 stayed applied; 0002's first statement was rolled back, so a fixed 0002
            // that creates the same table succeeds.
            let fixed = Migration(
                version: 2, name: "broken", sql: "CREATE TABLE mig_half (x INTEGER);\nCREATE TABLE oops (y INTEGER);")
            let report = try await f.store.migrate([Self.createA, fixed])
            #expect(report.applied == ["0002_broken.sql"])
            #expect(report.alreadyApplied == 1)
        }
    }

    @Test("a database migrated by a newer binary is refused", arguments: StoreBackendFactory.all)
    func unknownVersion(backend: StoreBackendFactory) async throws {
        try await backend.withStore(migrate: false) { f in
            _ = try await f.store.migrate([Self.createA, Self.createB])
            await expectStoreError(.migrationUnknown(version: 2, name: "create_b")) {
                try await f.store.migrate([Self.createA])
            }
        }
    }

    @Test("duplicate versions in a list are rejected before anything runs", arguments: StoreBackendFactory.all)
    func duplicateVersions(backend: StoreBackendFactory) async throws {
        try await backend.withStore(migrate: false) { f in
            let clash = Migration(version: 1, name: "clash", sql: "SELECT 1;")
            do {
                _ = try await f.store.migrate([clash, Self.createA])
                Issue.record("duplicate versions should be rejected")
            } catch let error as StoreError {
                #expect(error.code == "INVALID_ARGUMENT")
                #expect(error.message.contains("version 1"))
            }
        }
    }
}
