#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads of the resources the engine measures.
enum ResourceUsage {
    /// CPU time consumed by the calling thread, in nanoseconds (`CLOCK_THREAD_CPUTIME_ID`).
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// The process's resident set size now, in bytes: `/proc/self/statm` on Linux, the peak
    /// (`ru_maxrss`) elsewhere.
    static func residentBytes() -> Int {
        #if os(Linux)
        let descriptor = open("/proc/self/statm", O_RDONLY)
        if descriptor >= 0 {
            defer { close(descriptor) }
            var buffer = [UInt8](repeating: 0, count: 128)
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 {
                let fields = buffer[..<count].split(separator: UInt8(ascii: " "))
                if fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) {
                    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
                }
            }
        }
        #endif
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        #if os(Linux)
        return Int(usage.ru_maxrss) * 1024
        #else
        return Int(usage.ru_maxrss)
        #endif
    }
}
