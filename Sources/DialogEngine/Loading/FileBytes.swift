#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plain POSIX file access for the loader and the command line (no Foundation: the chat binary
/// must start fast).
public enum FileBytes {
    /// What reading one file gave.
    public enum Outcome: Sendable {
        case bytes([UInt8])
        /// The file is bigger than the limit (its size from `fstat`); it was not read.
        case tooLarge(Int)
        /// The system's reason ("No such file or directory").
        case unreadable(String)
    }

    /// Whether `path` (following symbolic links) is a folder; nil when nothing is there.
    public static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT == S_IFDIR
    }

    /// The entry names of a folder, without `.` and `..`, in no particular order.
    static func names(inFolder path: String) throws(LoadError) -> [String] {
        guard let names = entries(inFolder: path) else {
            throw LoadError("cannot list the folder \(path): \(String(cString: strerror(errno)))")
        }
        return names
    }

    /// The entry names of a folder, without `.` and `..`, in no particular order; nil when it cannot be
    /// listed (`errno` says why).
    public static func entries(inFolder path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(raw.firstIndex(of: 0) ?? raw.count), as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// The whole file, unless it is bigger than `limit` bytes or cannot be read.
    public static func read(_ path: String, limit: Int = .max) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .unreadable(reason()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable(reason()) }
        let size = Int(info.st_size)
        if size > limit { return .tooLarge(size) }
        // One byte more than the size, so a file read whole is seen to end without growing the buffer.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, count))) }
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return readSome(fd, base + count, buffer.count - count)
            }
            if n < 0 { return .unreadable(reason()) }
            if n == 0 { break }
            count += n
        }
        bytes.removeLast(bytes.count - count)
        return .bytes(bytes)
    }
}

/// The C library's message for the current `errno`.
private func reason() -> String { String(cString: strerror(errno)) }

/// `read(2)`, retried when a signal interrupts it; -1 on an error.
private func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    while true {
        let n = read(fd, buffer, count)
        if n < 0, errno == EINTR { continue }
        return n
    }
}
