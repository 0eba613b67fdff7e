import Foundation
import Pipelines

/// What `etl-builder run` shows: on a terminal, one line per node redrawn in place; otherwise
/// plain lines for log entries. Then a summary table of the node metrics.
final class RunDisplay {
    private struct NodeState {
        var status = "waiting"
        var metrics: ExecutionEvent.NodeMetrics?
    }

    private let nodeIDs: [String]
    private let live: Bool
    private var states: [String: NodeState] = [:]
    private var percent = 0
    private var drawnLines = 0
    private var lastDraw = ContinuousClock.now - .seconds(1)

    init(nodeIDs: [String], live: Bool) {
        self.nodeIDs = nodeIDs
        self.live = live
    }

    /// The node ids of a config, in document order.
    static func nodeIDs(of config: JSONValue) -> [String] { (config["nodes"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue } }

    func handle(_ event: ExecutionEvent) {
        switch event {
        case .progress(_, let percent, let current):
            self.percent = percent
            if let current, states[current]?.status != "done" { states[current, default: NodeState()].status = "running" }
        case .nodeMetrics(_, let metrics):
            states[metrics.nodeID, default: NodeState()].metrics = metrics
            states[metrics.nodeID, default: NodeState()].status = "done"
        case .log(_, let line):
            if !live || line.level == .error || line.level == .warning {
                clear()
                print("[\(line.level.rawValue)] \(line.nodeID.map { "\($0): " } ?? "")\(line.message)")
            }
        case .status: break
        }
        if live { draw(force: false) }
    }

    private func draw(force: Bool) {
        let now = ContinuousClock.now
        guard force || now - lastDraw >= .milliseconds(100) else { return }
        lastDraw = now
        clear()
        var lines: [String] = ["Progress \(percent)%"]
        for id in nodeIDs {
            let state = states[id] ?? NodeState()
            let rows = state.metrics.map { "\($0.rowsInput) in, \($0.rowsOutput) out" } ?? ""
            lines.append("  \(id.padding(toLength: 20, withPad: " ", startingAt: 0)) \(state.status.padding(toLength: 8, withPad: " ", startingAt: 0)) \(rows)")
        }
        // One write per frame, straight to the descriptor: `print` buffers, and the C `stdout`
        // global is not concurrency-safe to touch from Swift 6.
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        drawnLines = lines.count
    }

    private func clear() {
        guard live, drawnLines > 0 else { return }
        FileHandle.standardOutput.write(Data("\u{1B}[\(drawnLines)A\u{1B}[J".utf8))
        drawnLines = 0
    }

    func printSummary(elapsed: Duration) {
        if live { draw(force: true) }
        clear()
        let header = ["node", "rows in", "rows out", "filtered", "time (s)", "memory (MB)", "cpu %"]
        let rows = nodeIDs.map { id -> [String] in
            guard let metrics = states[id]?.metrics else { return [id, "-", "-", "-", "-", "-", "-"] }
            return [
                id, String(metrics.rowsInput), String(metrics.rowsOutput), String(metrics.rowsFiltered),
                String(format: "%.3f", metrics.durationSeconds), String(format: "%.1f", metrics.memoryPeakMB), String(format: "%.0f", metrics.cpuPercent),
            ]
        }
        print(TextTable.render(header: header, rows: rows, rightAligned: Set(1..<header.count)))
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "Total time: %.3f s", seconds))
    }
}
