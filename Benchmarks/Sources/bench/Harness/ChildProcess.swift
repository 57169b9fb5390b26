#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs this executable again with other arguments, so each measurement has a process of its own
/// and its own peak memory (`wait4` returns the child's `ru_maxrss`).
struct ChildProcess {
    /// What the child printed on stdout, its exit status, and its peak resident set in bytes.
    struct Outcome {
        var output: String
        var status: Int32
        var peakRSSBytes: Int
    }

    let arguments: [String]

    /// This executable's path (Linux: /proc/self/exe, resolved).
    static var selfPath: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return CommandLine.arguments[0]
    }

    func run() -> Outcome {
        let path = Self.selfPath
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return Outcome(output: "", status: -1, peakRSSBytes: 0) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            return Outcome(output: "", status: -1, peakRSSBytes: 0)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fds[0], &chunk, chunk.count)
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        close(fds[0])
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        #if os(Linux)
            let rss = usage.ru_maxrss * 1024  // kilobytes on Linux
        #else
            let rss = usage.ru_maxrss  // bytes on macOS
        #endif
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(output: String(decoding: bytes, as: UTF8.self), status: exited, peakRSSBytes: Int(rss))
    }
}
