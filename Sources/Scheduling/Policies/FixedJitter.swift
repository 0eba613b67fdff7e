import Foundation

/// A delay between 0 and `maximumSeconds` that is random across pipelines but fixed for each
/// (like systemd's `FixedRandomDelay=`): the same pipeline always fires at the same offset, across
/// restarts, so 500 pipelines at `0 2 * * *` spread over the window instead of meeting in one second.
struct FixedJitter: Sendable, Hashable {
    var maximumSeconds: Int

    /// The pipeline's offset: FNV-1a of its id's bytes, reduced to `0...maximumSeconds`.
    /// (Swift's `Hasher` is seeded per process, so it would move the offset on every restart.)
    func offset(for pipelineID: UUID) -> Int {
        guard maximumSeconds > 0 else { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        withUnsafeBytes(of: pipelineID.uuid) { bytes in
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return Int(hash % UInt64(maximumSeconds + 1))
    }
}
