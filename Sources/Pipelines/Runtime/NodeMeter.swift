/// Measures one node while it runs. How each figure is measured:
///
/// - rows: counted at the channel boundaries — ``NodeInput`` counts every row it hands the
///   node, ``NodeOutput`` every row the node emits; loaders report the rows they wrote.
/// - duration: `ContinuousClock` from the node task's start to its end (waiting included).
/// - CPU: a task runs on one thread between two suspension points, and every suspension of a
///   node goes through its inputs and outputs. The meter reads the thread's CPU clock
///   (`CLOCK_THREAD_CPUTIME_ID`) when the node resumes and again before it suspends, and adds up
///   the differences: CPU time spent by this node alone, on whichever threads ran it.
///   `cpu_percent` is that time over the node's wall duration (100 = one core busy).
/// - memory: the process's resident set size (`/proc/self/statm`), sampled at most every 20 ms
///   at the node's suspension points; `memory_peak_mb` is the largest sample. It is a process
///   figure — nodes running at the same time see the same memory — not memory owned by the node.
final class NodeMeter {
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastSample: ContinuousClock.Instant
    private var segmentStart: UInt64
    private(set) var cpuNanoseconds: UInt64 = 0
    private(set) var peakResidentBytes: Int
    var rowsInput: Int64 = 0
    var rowsOutput: Int64 = 0
    var rowsFiltered: Int64 = 0

    init() {
        started = clock.now
        lastSample = started
        segmentStart = ResourceUsage.threadCPUNanoseconds()
        peakResidentBytes = ResourceUsage.residentBytes()
    }

    /// The node is about to suspend: close the CPU segment, maybe sample memory.
    func suspending() {
        cpuNanoseconds &+= ResourceUsage.threadCPUNanoseconds() &- segmentStart
        let now = clock.now
        if now - lastSample >= .milliseconds(20) {
            lastSample = now
            peakResidentBytes = max(peakResidentBytes, ResourceUsage.residentBytes())
        }
    }

    /// The node runs again, possibly on another thread: open a CPU segment there.
    func resumed() { segmentStart = ResourceUsage.threadCPUNanoseconds() }

    /// The figures so far, closing the current CPU segment.
    func metrics(nodeID: String) -> ExecutionEvent.NodeMetrics {
        suspending()
        resumed()
        peakResidentBytes = max(peakResidentBytes, ResourceUsage.residentBytes())
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return ExecutionEvent.NodeMetrics(
            nodeID: nodeID, rowsInput: rowsInput, rowsOutput: rowsOutput, rowsFiltered: rowsFiltered,
            durationSeconds: seconds, memoryPeakMB: Double(peakResidentBytes) / 1_048_576,
            cpuPercent: seconds > 0 ? Double(cpuNanoseconds) / 1e9 / seconds * 100 : 0)
    }
}
