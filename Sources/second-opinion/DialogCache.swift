import DialogCore
import DialogLoading
import Understanding

/// The chat's compiled dialogs: after a full load, the checked graph is kept in
/// `$XDG_CACHE_HOME/second-opinion` (one file per dialog folder, mode 0600), and the next chat on the
/// same files starts from it instead of parsing, linking and checking the JSON again (README, Performance).
///
/// It cannot go stale: `CompiledDialogs` gives a graph only when every file is byte for byte what was
/// compiled and the program is the same build (`stamp`); otherwise the folder is loaded and checked in
/// full, exactly as without a cache, and the form is written again after the first question is shown.
/// A missing, unreadable or damaged cache only costs that full load. `--private` writes none, and
/// `second-opinion forget` deletes it.
///
/// What it trusts: only a form this user's chats wrote. The form and its folder must belong to the user
/// and be writable by no one else (as OpenSSH checks its files), and each form is sealed with
/// HMAC-SHA256 under a random secret kept in the user's own state folder (`cache.key`, 0600): a form
/// written by anyone else, even one rebuilt with a matching checksum, never verifies.
enum DialogCache {
    /// What the chat starts from.
    struct Loaded {
        let graph: DialogGraph
        /// Writes the compiled form when it was missing or out of date (call after the first prompt); nil
        /// when the graph came from it, or nothing should be written.
        let store: (() -> Void)?
    }

    /// The biggest compiled form read (a form holds its sources, each at most 1 MiB, and their graph).
    static let maxBytes = 256 << 20

    /// The graph of `folder`: from the compiled form when it matches, else loaded and checked in full (on
    /// errors they are printed as `validate` prints them, and the chat does not start).
    static func load(_ folder: String, writable: Bool) throws -> Loaded {
        try load(folder, cacheFile: cacheFile(for: folder), keyFile: CacheKey.standardPath(), writable: writable)
    }

    /// `load` with the cache file and the key named (tests).
    static func load(_ folder: String, cacheFile file: String?, keyFile: String?, writable: Bool) throws -> Loaded {
        let stamp = programStamp()
        if let stamp, let file, let keyFile, let key = CacheKey.read(keyFile),
            let graph = compiled(folder, from: file, stamp: stamp, key: key)
        {
            return Loaded(graph: graph, store: nil)
        }
        let read = DialogLoader.readSources(paths: [folder])
        let graph = try DialogFolder.check(DialogLoader.load(read, checks: .errors))
        guard writable, read.diagnostics.isEmpty, let stamp, let file, let keyFile else { return Loaded(graph: graph, store: nil) }
        return Loaded(graph: graph) {
            // Best effort: a chat without a cache is only slower to start next time.
            guard (try? PrivateFiles.makePrivateDirectory(FilePaths.parent(of: file))) != nil, let key = CacheKey.readOrCreate(keyFile)
            else { return }
            var form = CompiledDialogs.encode(graph, sources: read.sources, stamp: stamp)
            form += HMACSHA256.authenticate(form, key: key)
            try? PrivateFiles.writeAtomically(form, to: file)
        }
    }

    /// Whether a file or folder is the user's own: owned by this user and writable by no one else.
    static func isOwn(_ info: stat) -> Bool {
        info.st_uid == geteuid() && info.st_mode & 0o022 == 0
    }

    /// Whether the cache folder (and the folder it is in) is a real folder of the user's own.
    static func isOwnFolder(_ path: String) -> Bool {
        [path, FilePaths.parent(of: path)].allSatisfy { folder in
            var info = stat()
            return lstat(folder, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR && isOwn(info)
        }
    }

    /// The graph in the compiled form at `file`, when it was made by this build from exactly the dialog files
    /// in `folder` now (the same names, each byte for byte the same). The form is mapped, not copied, and
    /// each file is compared with its stored copy as it is read, so a hit reads every file once and keeps
    /// no copy of it.
    private static func compiled(_ folder: String, from file: String, stamp: [UInt8], key: [UInt8]) -> DialogGraph? {
        let listed = DialogLoader.sourceFiles(paths: [folder])
        guard listed.diagnostics.isEmpty, isOwnFolder(FilePaths.parent(of: file)) else { return nil }
        let names = listed.files.sorted()
        return withSealedForm(file, key: key) { form in
            CompiledDialogs.decode(form, stamp: stamp) { stored in
                stored.count == names.count
                    && zip(stored, names).allSatisfy { source, name in
                        source.name == name && source.bytes.count <= DialogLoader.maxFileBytes
                            && FileBytes.contents(of: name, equal: source.bytes)
                    }
            }
        } ?? nil
    }

    /// Calls `body` with the form in `file` (mapped, not copied) when the file is a regular file of the
    /// user's own (not a link, not writable by others) and its last 32 bytes are the HMAC of the rest
    /// under `key`; nil otherwise.
    private static func withSealedForm<T>(_ file: String, key: [UInt8], _ body: (UnsafeRawBufferPointer) -> T) -> T? {
        let fd = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, isOwn(info), info.st_size <= maxBytes,
            info.st_size > sealBytes
        else { return nil }
        let size = Int(info.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        defer { munmap(base, size) }
        let form = UnsafeRawBufferPointer(start: base, count: size - sealBytes)
        let seal = UnsafeRawBufferPointer(start: base + (size - sealBytes), count: sealBytes)
        guard HMACSHA256.equal(HMACSHA256.authenticate(form, key: key), seal) else { return nil }
        return body(form)
    }

    /// The HMAC-SHA256 after each form.
    static let sealBytes = 32

    /// The cache file for a dialog folder: named by a hash of the folder's absolute path, so two folders
    /// keep a form each (a collision only means a miss: the form holds the file names and bytes).
    static func cacheFile(for folder: String) -> String? {
        guard let directory = PrivateFiles.cacheDirectoryPath() else { return nil }
        let hash = FNV1a.hash(FilePaths.absolute(folder).utf8)
        let hex = String(hash, radix: 16)
        return FilePaths.join(directory, "dialogs-" + String(repeating: "0", count: 16 - hex.count) + hex + ".bin")
    }

    /// Which build of the program is running: the device, inode, size and modification time (to the
    /// nanosecond) of its executable, one `stat`. Any rebuild or reinstall changes it, so a form written
    /// by another build is never read. Nil where `/proc/self/exe` does not exist (no cache there).
    static func programStamp() -> [UInt8]? {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        var stamp: [UInt8] = []
        #if os(Linux)
            let fields = [
                UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_size), UInt64(bitPattern: Int64(info.st_mtim.tv_sec)),
                UInt64(bitPattern: Int64(info.st_mtim.tv_nsec)),
            ]
        #else
            let fields = [UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_size)]
        #endif
        for field in fields { withUnsafeBytes(of: field.littleEndian) { stamp += $0 } }
        return stamp
    }
}
