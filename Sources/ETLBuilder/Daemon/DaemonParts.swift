import Scheduling
import Synchronization

/// The parts of the running daemon that exist only once the store is open and migrated: set once
/// by ``StoreService``, read by the status line (and whoever else needs the scheduler).
final class DaemonParts: Sendable {
    private let scheduling = Mutex<SchedulingRuntime?>(nil)
    private let defaults: Mutex<SchedulingDefaults>

    init(schedulingDefaults: SchedulingDefaults) {
        defaults = Mutex(schedulingDefaults)
    }

    /// The scheduler defaults in force: the configuration's at start, a reload's after it.
    var schedulingDefaults: SchedulingDefaults {
        get { defaults.withLock { $0 } }
        set { defaults.withLock { $0 = newValue } }
    }

    /// The scheduler and executor, or nil while the store is being opened.
    var runtime: SchedulingRuntime? { scheduling.withLock { $0 } }

    func started(_ runtime: SchedulingRuntime) {
        scheduling.withLock { $0 = runtime }
    }
}
