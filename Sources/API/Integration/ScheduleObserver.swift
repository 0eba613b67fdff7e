#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Told when a pipeline's schedule may have changed, so the scheduler (issue 4) re-arms or
/// disarms it at once instead of at its next scan of the store.
public protocol ScheduleObserver: Sendable {
    /// The pipeline was created or updated.
    func pipelineChanged(id: UUID) async
    /// The pipeline was deleted.
    func pipelineRemoved(id: UUID) async
}

/// The observer while no scheduler runs in this process: nobody to tell.
public struct NoScheduleObserver: ScheduleObserver {
    /// An observer that ignores every notification.
    public init() {}
    /// Does nothing.
    public func pipelineChanged(id: UUID) async {}
    /// Does nothing.
    public func pipelineRemoved(id: UUID) async {}
}
