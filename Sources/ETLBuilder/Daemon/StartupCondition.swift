/// What must hold before the daemon tells systemd `READY=1`.
enum StartupCondition: Hashable, Sendable, CustomStringConvertible {
    /// The metadata store is open and migrated.
    case storeMigrated
    /// The scheduler armed every armed pipeline (and fired the misfire slots it keeps).
    case schedulesArmed
    /// The HTTP API accepts connections.
    case apiListening

    static let all: Set<StartupCondition> = [.storeMigrated, .schedulesArmed, .apiListening]

    var description: String {
        switch self {
        case .storeMigrated: "store migrated"
        case .schedulesArmed: "schedules armed"
        case .apiListening: "API listening"
        }
    }
}
