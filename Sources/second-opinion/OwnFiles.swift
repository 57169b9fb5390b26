import DialogLoading

/// The names of every file the tool itself writes in its own folders, in one place: `forget` deletes
/// these and nothing else (the data folder may also hold the installed dialogs), and a chat's start
/// removes temporary files of these names that a killed chat left behind.
enum OwnFiles {
    /// Which of the tool's folders a name is looked up in.
    enum Folder: CaseIterable {
        case state, data, cache
    }

    /// The session, its lock, the answer history and the cache's key (state folder).
    static let stateNames = ["session.json", "session.lock", "history", "cache.key"]
    /// The default documents file (data folder).
    static let documentsName = "second-opinion-documents.md"

    /// Whether `name` is a file the tool writes in `folder` (finished or temporary).
    static func isOwn(_ name: String, in folder: Folder) -> Bool {
        isFinished(name, in: folder) || isTemporary(name, in: folder)
    }

    /// A finished file of the tool's in `folder`.
    static func isFinished(_ name: String, in folder: Folder) -> Bool {
        switch folder {
        case .state:
            if stateNames.contains(name) { return true }
            // Conversations set aside: session.unreadable-N.json (damaged), session.kept-N.json (replaced).
            for prefix in ["session.unreadable-", "session.kept-"] where name.hasPrefix(prefix) && name.hasSuffix(".json") {
                let number = name.dropFirst(prefix.count).dropLast(".json".count)
                return !number.isEmpty && number.allSatisfy(isDigit)
            }
            return false
        case .data:
            return name == documentsName
        case .cache:
            return isCacheName(name)
        }
    }

    /// A temporary file of the tool's in `folder`: `.NAME.XXXXXX` (`PrivateFiles.writeAtomically`) for a
    /// finished name, or readline's `history-PID.tmp`.
    static func isTemporary(_ name: String, in folder: Folder) -> Bool {
        if folder == .state, name.hasPrefix("history-"), name.hasSuffix(".tmp") {
            let pid = name.dropFirst("history-".count).dropLast(".tmp".count)
            return !pid.isEmpty && pid.allSatisfy(isDigit)
        }
        guard let finished = finishedName(ofTemporary: name) else { return false }
        return isFinished(finished, in: folder)
    }

    /// `NAME` for a `.NAME.XXXXXX` temporary name (six letters or digits, as `mkstemp` makes them).
    static func finishedName(ofTemporary name: String) -> String? {
        let utf8 = Array(name.utf8)
        guard utf8.count > 8, utf8[0] == UInt8(ascii: "."), utf8[utf8.count - 7] == UInt8(ascii: ".") else { return nil }
        let suffix = utf8[(utf8.count - 6)...]
        guard suffix.allSatisfy({ isAlphanumeric($0) }) else { return nil }
        return String(decoding: utf8[1..<(utf8.count - 7)], as: UTF8.self)
    }

    /// `dialogs-<16 hex digits>.bin`, as `DialogCache.cacheFile(for:)` names them.
    static func isCacheName(_ name: String) -> Bool {
        guard name.hasPrefix("dialogs-"), name.hasSuffix(".bin") else { return false }
        let hex = name.dropFirst("dialogs-".count).dropLast(".bin".count)
        return hex.utf8.count == 16 && hex.allSatisfy(\.isHexDigit)
    }

    /// Where each folder is (nil when there is no home).
    static func path(of folder: Folder) -> String? {
        switch folder {
        case .state: PrivateFiles.stateDirectoryPath()
        case .data: PrivateFiles.dataDirectoryPath()
        case .cache: PrivateFiles.cacheDirectoryPath()
        }
    }

    /// Deletes the tool's temporary files in its folders that are older than this process: a chat
    /// killed while it wrote one leaves it behind. Files of other names are never touched, nor a
    /// folder that is a symbolic link. Returns the paths deleted.
    @discardableResult
    static func removeStaleTemporaries(olderThan start: timespec = ProcessStart.time) -> [String] {
        var removed: [String] = []
        for folder in Folder.allCases {
            guard let path = path(of: folder) else { continue }
            removed += remove(in: path) { name, info in
                isTemporary(name, in: folder) && isOlder(info.st_mtim, than: start)
            }
        }
        return removed
    }

    /// Deletes the entries of `folder` (not followed when it is a symbolic link) that are regular files
    /// or symbolic links and that `select` picks; the paths deleted. Nothing is deleted when the folder
    /// cannot be opened as a real folder.
    static func remove(in folder: String, where select: (String, stat) -> Bool) -> [String] {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        guard let names = FileBytes.entries(inFolder: "/proc/self/fd/\(descriptor)") else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let kind = info.st_mode & S_IFMT
            guard kind == S_IFREG || kind == S_IFLNK, select(name, info) else { continue }
            if unlinkat(descriptor, name, 0) == 0 { removed.append(FilePaths.join(folder, name)) }
        }
        return removed
    }

    private static func isOlder(_ time: timespec, than start: timespec) -> Bool {
        time.tv_sec < start.tv_sec || (time.tv_sec == start.tv_sec && time.tv_nsec < start.tv_nsec)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// "0"…"9" only (not other scripts' digits).
    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isWholeNumber }
}
