import DialogCore
import DialogLoading

/// The saved conversation: written after every answer (temp file, fsync, rename), so Ctrl-D,
/// SIGTERM, SIGHUP or `kill -9` at any moment loses nothing that was answered.
struct SessionStore {
    /// The session file.
    let path: String

    /// The biggest session read (a long conversation is a few hundred KB); anything bigger is set aside.
    static let maxBytes = 16 << 20

    /// `session.json` in the private state folder (made, 0700, by the first save).
    /// Fails when there is no home, or when the state folder is a symbolic link (never followed: the
    /// session is neither read nor written through it).
    static func standard() throws -> SessionStore {
        guard let directory = PrivateFiles.stateDirectoryPath() else { throw PrivateFiles.Failure.noHomeDirectory }
        var info = stat()
        if lstat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFLNK { throw PrivateFiles.Failure.symbolicLink(path: directory) }
        return SessionStore(path: FilePaths.join(directory, "session.json"))
    }

    struct File: Codable {
        var format = "second-opinion-session"
        var seed: UInt64
        var state: EngineState
    }

    enum LoadOutcome {
        case none
        case loaded(seed: UInt64, state: EngineState)
        /// Unreadable, truncated or from a newer version: kept aside at `keptAt`.
        case unusable(reason: String, keptAt: String?)
    }

    func save(seed: UInt64, state: EngineState) throws {
        try PrivateFiles.makePrivateDirectory(FilePaths.parent(of: path))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try PrivateFiles.writeAtomically(Array(try encoder.encode(File(seed: seed, state: state))), to: path)
    }

    func load() -> LoadOutcome {
        guard exists(path) else { return .none }
        let bytes: [UInt8]
        switch FileBytes.read(path, limit: Self.maxBytes) {
        case .bytes(let read): bytes = read
        case .tooLarge: return .unusable(reason: "it is larger than a conversation can be", keptAt: keepAside())
        case .unreadable: return .unusable(reason: "it cannot be read", keptAt: keepAside())
        }
        let data = Data(bytes)
        // The usual file decodes at once; only a file that does not is probed for the reason (one decode at start).
        if let file = try? JSONDecoder().decode(File.self, from: data), file.format == "second-opinion-session",
            file.state.version <= EngineState.version
        {
            return .loaded(seed: file.seed, state: Self.cleaned(file.state))
        }
        struct Probe: Decodable {
            var format: String?
            struct State: Decodable { var version: Int? }
            var state: State?
        }
        if let probe = try? JSONDecoder().decode(Probe.self, from: data), probe.format == "second-opinion-session",
            let v = probe.state?.version, v > EngineState.version
        {
            return .unusable(reason: "it was saved by a newer version of second-opinion", keptAt: keepAside())
        }
        return .unusable(reason: "it is damaged or incomplete", keptAt: keepAside())
    }

    /// The state with every typed answer cleaned as the engine cleans a typed line: a file edited by
    /// hand (or by anyone) brings no escape sequence or control character into the chat.
    static func cleaned(_ state: EngineState) -> EngineState {
        var state = state
        state.slots = state.slots.mapValues { value in
            if case .text(let text) = value { return .text(Engine.cleanedLine(text)) }
            return value
        }
        for i in state.history.indices {
            state.history[i].slots = state.history[i].slots.mapValues { value in
                if case .text(let text) = value { return .text(Engine.cleanedLine(text)) }
                return value
            }
        }
        return state
    }

    func remove() {
        unlink(path)
    }

    /// Moves the saved conversation aside, never overwritten, before a new one replaces it (the person
    /// said no to continuing it, or a piped run did not ask to): `session.kept-N.json`. Nil when there
    /// was nothing to move or it could not be moved.
    func setAside() -> String? {
        keepAside(as: "kept")
    }

    /// Moves an unusable session file aside (never overwritten): `session.unreadable-N.json`.
    private func keepAside(as kind: String = "unreadable") -> String? {
        guard exists(path) else { return nil }
        let folder = FilePaths.parent(of: path)
        for n in 1...10_000 {
            let target = FilePaths.join(folder, "session.\(kind)-\(n).json")
            if exists(target) { continue }
            // link + unlink, not rename: a file that appeared at `target` meanwhile is never replaced.
            guard link(path, target) == 0 else {
                if errno == EEXIST { continue }
                return rename(path, target) == 0 ? target : nil  // e.g. a file system without hard links
            }
            unlink(path)
            return target
        }
        return nil
    }

    /// Whether anything (file, folder, dangling link aside) is at `path`.
    private func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}
