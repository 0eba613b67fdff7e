import Foundation
import Testing

@testable import ETLBuilder

@Suite("Data directory lookup")
struct DataDirectoryTests {
    @Test("$STATE_DIRECTORY wins over everything, first entry of a colon list")
    func stateDirectory() throws {
        let state = try TemporaryDirectory()
        let other = try TemporaryDirectory()
        let directory = try DataDirectory.resolve(
            environment: ["STATE_DIRECTORY": state.path + ":" + other.path], configured: "/nonexistent-configured")
        #expect(directory.path == state.path)
    }

    @Test("the configured directory comes next and is created with mode 0700")
    func configured() throws {
        let parent = try TemporaryDirectory()
        let path = parent.path + "/nested/data"
        let directory = try DataDirectory.resolve(environment: [:], configured: path)
        #expect(directory.path == path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
    }

    @Test("the system directory is used when it is writable")
    func systemWhenWritable() throws {
        let system = try TemporaryDirectory()
        let directory = try DataDirectory.resolve(environment: [:], configured: nil, systemPath: system.path + "/var-lib")
        #expect(directory.path == system.path + "/var-lib")
    }

    @Test("without a usable system directory a newcomer's checkout gets ./.etl-builder")
    func localFallback() throws {
        let blocker = try TemporaryDirectory()
        // A regular file where the system directory's parent should be: it cannot be created.
        try Data().write(to: blocker.url.appendingPathComponent("file"))
        let directory = try DataDirectory.resolve(environment: [:], configured: nil, systemPath: blocker.path + "/file/etl-builder")
        #expect(directory.path == FileManager.default.currentDirectoryPath + "/.etl-builder")
    }

    @Test("a data directory that cannot be created is reported with its path")
    func unusable() throws {
        let blocker = try TemporaryDirectory()
        try Data().write(to: blocker.url.appendingPathComponent("file"))
        #expect {
            try DataDirectory.resolve(environment: [:], configured: blocker.path + "/file/data")
        } throws: { error in
            "\(error)".contains(blocker.path + "/file/data")
        }
    }
}
