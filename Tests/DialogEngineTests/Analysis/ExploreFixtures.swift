import DialogCore
import DialogLoading
import DialogTools
import Foundation
import Testing

/// The small dialog sets under Fixtures/explore, loaded, and helpers to run transcripts on them.
enum ExploreFixtures {
    static func path(_ name: String) -> String {
        Fixtures.root.appendingPathComponent("Tests/DialogEngineTests/Fixtures/explore/\(name)").path
    }

    /// Loads a fixture folder; fails the test when it does not load.
    static func graph(_ name: String) throws -> DialogGraph {
        let result = DialogLoader.load(paths: [path(name)])
        return try #require(result.graph, Comment(rawValue: result.diagnostics.map(\.description).joined(separator: "\n")))
    }

    /// A transcript of a fixture, parsed.
    static func transcript(_ folder: String, _ file: String) throws -> Transcript {
        let text = try String(contentsOfFile: path(folder) + "/transcripts/" + file, encoding: .utf8)
        return try Transcript.parse(text).get()
    }

    /// True when the transcript, written out and read back, replays exactly against the graph.
    static func replays(_ transcript: Transcript, on graph: DialogGraph) throws -> Bool {
        let reread = try Transcript.parse(transcript.render()).get()
        return Replayer.replay(reread, engine: Engine(graph: graph), file: "counterexample").passed
    }
}
