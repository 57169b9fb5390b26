import DialogLoading

/// Files only the user may read: the state directory, answer history, saved sessions.
enum PrivateFiles {
    /// Why a private file or directory could not be made.
    enum Failure: Error, Equatable, CustomStringConvertible {
        /// Neither `XDG_STATE_HOME` nor `HOME` names a usable directory.
        case noHomeDirectory
        /// The path exists but is not a directory.
        case notADirectory(path: String)
        /// The path is a symbolic link: the tool's own folders are never followed elsewhere.
        case symbolicLink(path: String)
        /// A system call failed with `errno`.
        case system(call: String, path: String, errno: Int32)

        var description: String {
            switch self {
            case .noHomeDirectory:
                return "no home folder is known (HOME is not set and the user has no entry in the password database)"
            case .notADirectory(let path):
                return "\(path) exists but is not a directory"
            case .symbolicLink(let path):
                return "\(path) is a symbolic link; the tool keeps its files only in a folder of its own"
            case .system(let call, let path, let code):
                return "\(call) \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    /// $XDG_STATE_HOME/second-opinion or ~/.local/state/second-opinion, created with mode 0700.
    ///
    /// A relative `XDG_STATE_HOME` is ignored, as the XDG spec asks. An existing directory is set back to 0700.
    static func stateDirectory() throws -> String {
        try xdgDirectory(variable: "XDG_STATE_HOME", fallback: ".local/state")
    }

    /// $XDG_DATA_HOME/second-opinion or ~/.local/share/second-opinion (saved documents), created 0700.
    static func dataDirectory() throws -> String {
        try xdgDirectory(variable: "XDG_DATA_HOME", fallback: ".local/share")
    }

    /// $XDG_CACHE_HOME/second-opinion or ~/.cache/second-opinion (the compiled dialogs), created 0700.
    static func cacheDirectory() throws -> String {
        try xdgDirectory(variable: "XDG_CACHE_HOME", fallback: ".cache")
    }

    /// Where `stateDirectory()` is, without creating it (nil when there is no home).
    static func stateDirectoryPath() -> String? {
        xdgPath(variable: "XDG_STATE_HOME", fallback: ".local/state")
    }

    /// Where `dataDirectory()` is, without creating it (nil when there is no home).
    static func dataDirectoryPath() -> String? {
        xdgPath(variable: "XDG_DATA_HOME", fallback: ".local/share")
    }

    /// Where `cacheDirectory()` is, without creating it (nil when there is no home).
    static func cacheDirectoryPath() -> String? {
        xdgPath(variable: "XDG_CACHE_HOME", fallback: ".cache")
    }

    private static func xdgDirectory(variable: String, fallback: String) throws -> String {
        guard let directory = xdgPath(variable: variable, fallback: fallback) else { throw Failure.noHomeDirectory }
        try makePrivateDirectory(directory)
        return directory
    }

    private static func xdgPath(variable: String, fallback: String) -> String? {
        let base: String
        if let value = Environment.absolutePath(variable) {
            base = value
        } else if let home = homeDirectory() {
            base = FilePaths.join(home, fallback)
        } else {
            return nil
        }
        return FilePaths.join(base, "second-opinion")
    }

    /// The home folder: `$HOME` when it is an absolute path (`environment`), else the password
    /// database's entry for this user (as the shell and OpenSSH do), else nil.
    static func homeDirectory(environment: String? = Environment.absolutePath("HOME")) -> String? {
        if let environment { return environment }
        guard let entry = getpwuid(geteuid()), let directory = entry.pointee.pw_dir else { return nil }
        let home = String(cString: directory)
        return home.hasPrefix("/") ? home : nil
    }

    /// Writes `text` atomically (see the byte version).
    static func writeAtomically(_ text: String, to path: String) throws {
        try writeAtomically(Array(text.utf8), to: path)
    }

    /// Writes bytes atomically: temp file in the same directory created 0600, write, fsync, rename, fsync dir. Never leaves a half file.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let directory = FilePaths.parent(of: path)
        var template = Array(FilePaths.join(directory, "." + FilePaths.lastComponent(of: path) + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)  // creates the file 0600 with O_EXCL
        }
        guard descriptor >= 0 else { throw Failure.system(call: "mkstemp", path: path, errno: errno) }
        let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

        do {
            defer { close(descriptor) }
            try check(fchmod(descriptor, 0o600), "fchmod", temporaryPath)
            try writeAll(bytes, to: descriptor, path: temporaryPath)
            try check(fsync(descriptor), "fsync", temporaryPath)
        } catch {
            unlink(temporaryPath)
            throw error
        }
        guard rename(temporaryPath, path) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw Failure.system(call: "rename", path: path, errno: code)
        }
        // Make the rename itself durable. Some file systems refuse fsync on a directory; the data is in place anyway.
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Ensures an existing or new file has mode 0600. Best effort: failures are ignored (a missing directory, a read-only disk).
    static func makePrivate(_ path: String) {
        // O_NONBLOCK: never hang on a FIFO someone put at this path. No O_TRUNC: keep existing contents.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            _ = fchmod(descriptor, 0o600)
            close(descriptor)
        } else {
            _ = chmod(path, 0o600)  // e.g. an existing read-only file we may not open for writing
        }
    }

    /// Creates `path` (and missing parents) with mode 0700, or sets an existing folder back to 0700.
    /// A symbolic link there is refused, not followed (its target's mode is never changed).
    static func makePrivateDirectory(_ path: String) throws {
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: break
            case S_IFLNK: throw Failure.symbolicLink(path: path)
            default: throw Failure.notADirectory(path: path)
            }
        } else {
            try makeDirectories(path)
        }
        // Opened without following a link made meanwhile, and set to 0700 through the descriptor.
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ELOOP || errno == ENOTDIR { throw Failure.symbolicLink(path: path) }
            throw Failure.system(call: "open", path: path, errno: errno)
        }
        defer { close(descriptor) }
        try check(fchmod(descriptor, 0o700), "chmod", path)
    }

    /// `mkdir -p` with mode 0700 for every folder it makes (the XDG base folders should be 0700 too).
    private static func makeDirectories(_ path: String) throws {
        let parent = FilePaths.parent(of: path)
        if parent != path, parent != ".", FileBytes.isDirectory(parent) == nil { try makeDirectories(parent) }
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw Failure.system(call: "mkdir", path: path, errno: errno) }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }  // empty data
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure.system(call: "write", path: path, errno: errno)
                }
                offset += written
            }
        }
    }

    private static func check(_ result: Int32, _ call: String, _ path: String) throws {
        if result != 0 { throw Failure.system(call: call, path: path, errno: errno) }
    }
}
