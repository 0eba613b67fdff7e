import Foundation
import Glibc
import Testing
@testable import Systemd

@Suite("JournalStream: systemd's test for stderr connected to the journal")
struct JournalStreamTests {
    @Test("matches only the descriptor whose device:inode $JOURNAL_STREAM names")
    func matches() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)").path
        let descriptor = open(path, O_CREAT | O_RDWR, 0o600)
        defer { close(descriptor); unlink(path) }
        var status = stat()
        try #require(fstat(descriptor, &status) == 0)
        let value = "\(status.st_dev):\(status.st_ino)"
        #expect(JournalStream.isConnected(environment: ["JOURNAL_STREAM": value], fileDescriptor: descriptor))
        #expect(!JournalStream.isConnected(environment: ["JOURNAL_STREAM": "\(status.st_dev):\(status.st_ino + 1)"], fileDescriptor: descriptor))
        #expect(!JournalStream.isConnected(environment: [:], fileDescriptor: descriptor))
        #expect(!JournalStream.isConnected(environment: ["JOURNAL_STREAM": "garbage"], fileDescriptor: descriptor))
    }

    @Test("parses device:inode", arguments: [("8:306630", true), ("8:", false), (":1", false), ("1:2:3", false), ("a:b", false)])
    func parse(value: String, valid: Bool) {
        #expect((JournalStream.parse(value) != nil) == valid)
    }
}
