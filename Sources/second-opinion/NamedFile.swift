
/// Writing a file the person named (`save FILE`, `--out`, `--record`, `save transcript FILE`), without
/// ever turning something else into a file of ours.
///
/// - a new path: written to a temporary file beside it (0600), synced and linked in place, so a file
///   that appeared there meanwhile is never replaced;
/// - an existing regular file: replaced the same way, only when the caller says so (`replace`);
/// - a symbolic link to a regular file: rewritten in place, so the link stays a link;
/// - a terminal, `/dev/null`, `/dev/full`, a FIFO, standard output (`/dev/stdout`): written directly, never
///   replaced (a FIFO nobody reads from is refused at once instead of waiting);
/// - a folder, a block device, a socket, a link to nothing: refused with the reason.
enum NamedFile {
    /// Why a named file was not written.
    enum Failure: Error, Equatable, CustomStringConvertible {
        /// Something is at the path and `replace` was false.
        case exists(path: String)
        /// The path is a folder, a block device, a socket or a dangling link.
        case refused(path: String, reason: String)
        /// A system call failed with `errno`.
        case system(call: String, path: String, errno: Int32)

        var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists"
            case .refused(let path, let reason): return "\(path) \(reason)"
            case .system(let call, let path, let code):
                if call == "open", code == ENXIO { return "\(path): no program is reading from it" }
                return "\(call) \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    /// What is at a path, for deciding how to write it.
    enum Kind: Equatable {
        case missing
        /// A regular file (`linked`: reached through a symbolic link).
        case regular(linked: Bool)
        /// A character device or a FIFO, written directly.
        case stream
        case refused(String)
    }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        var linked = false
        if info.st_mode & S_IFMT == S_IFLNK {
            linked = true
            guard stat(path, &info) == 0 else { return .refused("is a symbolic link to nothing") }
        }
        switch info.st_mode & S_IFMT {
        // `/dev/stdout` redirected to a file is that file, reached through /proc: written in place (appended).
        case S_IFREG: return isSystemPath(path) ? .stream : .regular(linked: linked)
        case S_IFCHR, S_IFIFO: return .stream
        case S_IFDIR: return .refused("is a folder")
        case S_IFBLK: return .refused("is a disk device")
        case S_IFSOCK: return .refused("is a socket")
        default: return .refused("is not a file")
        }
    }

    /// Paths into `/dev` and `/proc` (`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`) are the system's:
    /// never replaced, never given a numbered neighbour.
    static func isSystemPath(_ path: String) -> Bool {
        var target = path
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        if let resolved = realpath(path, &buffer) { target = String(cString: resolved) }
        return [path, target].contains { $0.hasPrefix("/dev/") || $0.hasPrefix("/proc/") }
    }

    /// Whether the path holds a file that writing would replace (a regular file, or a link to one).
    static func holdsFile(_ path: String) -> Bool {
        if case .regular = kind(of: path) { return true }
        return false
    }

    /// Whether writing goes straight to a device or FIFO (nothing is made or replaced).
    static func isStream(_ path: String) -> Bool { kind(of: path) == .stream }

    /// Writes all of `bytes` to `path` as the type's notes say. `replace`: an existing regular file may
    /// be replaced; otherwise it is `Failure.exists`.
    static func write(_ bytes: [UInt8], to path: String, replace: Bool) throws(Failure) {
        switch kind(of: path) {
        case .missing:
            try writeNew(bytes, to: path)
        case .regular(let linked):
            guard replace else { throw .exists(path: path) }
            if linked {
                try writeDirectly(bytes, to: path, truncate: true)
            } else {
                do {
                    try PrivateFiles.writeAtomically(bytes, to: path)
                } catch let failure as PrivateFiles.Failure {
                    throw .refused(path: path, reason: "could not be written: \(failure)")
                } catch {
                    throw .refused(path: path, reason: "could not be written")
                }
            }
        case .stream:
            try writeDirectly(bytes, to: path, truncate: false, append: true)
        case .refused(let reason):
            throw .refused(path: path, reason: reason)
        }
    }

    /// `path` with `-N` before its extension: "notes.md" → "notes-2.md", "notes" → "notes-2".
    static func numbered(_ path: String, _ n: Int) -> String {
        let folder = path.contains("/") ? FilePaths.parent(of: path) : nil
        let name = FilePaths.lastComponent(of: path)
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let numberedName = dot.map { name[..<$0] + "-\(n)" + name[$0...] } ?? name + "-\(n)"
        return folder.map { FilePaths.join($0, numberedName) } ?? numberedName
    }

    /// A new file, never replacing one that appeared meanwhile: temporary file, sync, `link`.
    private static func writeNew(_ bytes: [UInt8], to path: String) throws(Failure) {
        let folder = FilePaths.parent(of: path)
        var template = Array(FilePaths.join(folder, "." + FilePaths.lastComponent(of: path) + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { throw .system(call: "create", path: path, errno: errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(temporary) }
        do {
            defer { close(descriptor) }
            _ = fchmod(descriptor, 0o600)
            try writeAll(bytes, to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw Failure.system(call: "fsync", path: path, errno: errno) }
        }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { throw .exists(path: path) }
            throw .system(call: "link", path: path, errno: errno)
        }
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// Opens a device, FIFO or linked file for writing without making or replacing anything.
    /// `O_NONBLOCK` so a FIFO without a reader fails at once (ENXIO); it is cleared after opening.
    static func openDirectly(_ path: String, truncate: Bool, append: Bool = false) throws(Failure) -> Int32 {
        let flags = O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (truncate ? O_TRUNC : 0) | (append ? O_APPEND : 0)
        let descriptor = open(path, flags)
        guard descriptor >= 0 else { throw .system(call: "open", path: path, errno: errno) }
        var info = stat()
        let kind = fstat(descriptor, &info) == 0 ? info.st_mode & S_IFMT : 0
        guard kind == S_IFREG || kind == S_IFCHR || kind == S_IFIFO else {
            close(descriptor)
            throw .refused(path: path, reason: "is not a file, a terminal or a pipe")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    private static func writeDirectly(_ bytes: [UInt8], to path: String, truncate: Bool, append: Bool = false) throws(Failure) {
        let descriptor = try openDirectly(path, truncate: truncate, append: append)
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, fsync(descriptor) != 0 {
            throw .system(call: "fsync", path: path, errno: errno)
        }
    }

    /// `write(2)` until all is written; interrupted writes are retried.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .system(call: "write", path: path, errno: errno)
            }
            offset += written
        }
    }
}
