/// Plain POSIX file access for the loader and the command line (no Foundation: the chat binary
/// must start fast).
package enum FileBytes {
    /// What reading one file gave.
    package enum Outcome: Sendable {
        case bytes([UInt8])
        /// The file is bigger than the limit: its size from `fstat`, or the bytes read when it said less
        /// (a file in /proc, one still growing); not read past the limit.
        case tooLarge(Int)
        /// The system's reason ("No such file or directory").
        case unreadable(String)
    }

    /// Whether `path` (following symbolic links) is a folder; nil when nothing is there.
    package static func isDirectory(_ path: String) -> Bool? {
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
    package static func entries(inFolder path: String) -> [String]? {
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
    ///
    /// Only a regular file is read (a FIFO, a device such as `/dev/zero` or a folder is `.unreadable`), and
    /// it is opened with `O_NONBLOCK`, so a FIFO put at the path never blocks the open. The limit holds
    /// for the bytes actually read, whatever size the file reports.
    package static func read(_ path: String, limit: Int = .max) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .unreadable(reason()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable(reason()) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .unreadable(info.st_mode & S_IFMT == S_IFDIR ? "Is a directory" : "not a regular file")
        }
        let size = Int(info.st_size)
        if size > limit { return .tooLarge(size) }
        // One byte more than the size, so a file read whole is seen to end without growing the buffer.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count > limit { return .tooLarge(count) }
            if count == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: min(max(4096, count), limit - count) + 1))
            }
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

extension FileBytes {
    /// Calls `body` with the file's bytes mapped read-only (no copy, and only the pages read are touched),
    /// then unmaps them. Nil when the file cannot be opened or mapped or is bigger than `limit`.
    ///
    /// Only for files nothing truncates while they are read (a truncated mapping faults with SIGBUS): the
    /// program's own files, which are only ever replaced whole by renaming.
    package static func withMapped<T>(_ path: String, limit: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= limit else { return nil }
        let size = Int(info.st_size)
        if size == 0 { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        defer { munmap(base, size) }
        return body(UnsafeRawBufferPointer(start: base, count: size))
    }

    /// Whether the file holds exactly `expected`: read in small pieces into one reused buffer and
    /// compared as they come, so checking a folder against a stored copy touches few fresh pages. False
    /// when it cannot be read.
    package static func contents(of path: String, equal expected: UnsafeRawBufferPointer) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == expected.count else { return false }
        // `fstat` gave the size, so reading stops at it: one `read` for a file under 64 KiB.
        return withUnsafeTemporaryAllocation(byteCount: 64 << 10, alignment: 16) { buffer -> Bool in
            guard let chunk = buffer.baseAddress else { return false }
            var compared = 0
            while compared < expected.count {
                let n = readSome(fd, chunk, min(buffer.count, expected.count - compared))
                guard n > 0, let base = expected.baseAddress, memcmp(chunk, base + compared, n) == 0 else { return false }
                compared += n
            }
            return true
        }
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
