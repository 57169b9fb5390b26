#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program — usually this executable again, so each measurement has a process of its own —
/// and reports its output, its `ru_maxrss` from `wait4` (an upper bound: see `PeakMemory`) and when
/// its first byte of output arrived (start to first prompt, for `cold-start.sh`).
struct ChildProcess {
    /// What the child printed on stdout, its exit status, its peak resident set in bytes, and times
    /// from the spawn to its first byte on stdout and to its exit, in nanoseconds.
    struct Outcome {
        var output: String
        var status: Int32
        var peakRSSBytes: Int
        var firstOutputNanoseconds: Int64? = nil
        var elapsedNanoseconds: Int64 = 0
    }

    var executable = ChildProcess.selfPath
    let arguments: [String]
    /// A file to read as standard input (default: inherited).
    var stdinPath: String? = nil

    init(arguments: [String]) { self.arguments = arguments }

    init(executable: String, arguments: [String], stdinPath: String?) {
        self.executable = executable
        self.arguments = arguments
        self.stdinPath = stdinPath
    }

    /// This executable's path (Linux: /proc/self/exe, resolved).
    static var selfPath: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return CommandLine.arguments[0]
    }

    func run() -> Outcome {
        let path = executable
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return Outcome(output: "", status: -1, peakRSSBytes: 0) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdinPath { posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = Stopwatch.clock.now
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            return Outcome(output: "", status: -1, peakRSSBytes: 0)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var first: Int64?
        while true {
            let n = read(fds[0], &chunk, chunk.count)
            if n <= 0 { break }
            if first == nil { first = Stopwatch.nanoseconds(Stopwatch.clock.now - start) }
            bytes += chunk[0..<n]
        }
        close(fds[0])
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let elapsed = Stopwatch.nanoseconds(Stopwatch.clock.now - start)
        #if os(Linux)
            let rss = usage.ru_maxrss * 1024  // kilobytes on Linux
        #else
            let rss = usage.ru_maxrss  // bytes on macOS
        #endif
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(
            output: String(decoding: bytes, as: UTF8.self), status: exited, peakRSSBytes: Int(rss),
            firstOutputNanoseconds: first, elapsedNanoseconds: elapsed)
    }
}
