import Foundation

/// This process's peak resident set (`VmHWM` in /proc/self/status), in bytes.
///
/// `wait4`'s `ru_maxrss` is not used for children: Linux carries the spawning process's high-water
/// mark across `posix_spawn` (a vfork sharing the parent's memory) into the child's figure, so a
/// small child would report at least its parent's size.
enum PeakMemory {
    static func current() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return kb.map { $0 * 1024 }
        }
        return nil
    }
}
