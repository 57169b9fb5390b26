import DialogEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The saved conversation: written after every answer (temp file, fsync, rename), so Ctrl-D,
/// SIGTERM, SIGHUP or `kill -9` at any moment loses nothing that was answered.
struct SessionStore {
    let url: URL

    /// `session.json` in the private state folder.
    static func standard() throws -> SessionStore {
        SessionStore(url: try PrivateFiles.stateDirectory().appendingPathComponent("session.json"))
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try PrivateFiles.writeAtomically(try encoder.encode(File(seed: seed, state: state)), to: url)
    }

    func load() -> LoadOutcome {
        guard FileManager.default.fileExists(atPath: url.path) else { return .none }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .unusable(reason: "it cannot be read", keptAt: keepAside())
        }
        // The usual file decodes at once; only a file that does not is probed for the reason (one decode at start).
        if let file = try? JSONDecoder().decode(File.self, from: data), file.format == "second-opinion-session",
            file.state.version <= EngineState.version
        {
            return .loaded(seed: file.seed, state: file.state)
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

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Moves an unusable session file aside (never overwritten): `session.unreadable-N.json`.
    private func keepAside() -> String? {
        let dir = url.deletingLastPathComponent()
        for n in 1...10_000 {
            let target = dir.appendingPathComponent("session.unreadable-\(n).json")
            if FileManager.default.fileExists(atPath: target.path) { continue }
            do {
                try FileManager.default.moveItem(at: url, to: target)
                return target.path
            } catch {
                return nil
            }
        }
        return nil
    }
}
