import DialogCore
import DialogLoading
import DialogTools
import Foundation
import Testing

/// The shipped conversation: it validates clean, and every transcript replays byte for byte.
@Suite struct ShippedTranscriptTests {
    static let load = DialogLoader.load(paths: [Fixtures.dialogs])
    static let files = Fixtures.files(in: Fixtures.transcripts, ending: ".transcript")

    @Test func shippedDialogsValidateWithNoErrorsAndNoWarnings() {
        #expect(Self.load.diagnostics.isEmpty, Comment(rawValue: Self.load.diagnostics.map(\.description).joined(separator: "\n")))
    }

    /// Plain language: the conversation as a whole reads at about school grade 8 or below.
    @Test func shippedConversationReadsAtGradeEightOrBelow() throws {
        let graph = try #require(Self.load.graph)
        let texts = graph.nodes.values.flatMap { $0.say.map(\.description) + ($0.why.map { [$0] } ?? []) }
        let grade = Readability.grade(texts.joined(separator: " "))
        #expect(grade <= 8, "reading grade \(grade)")
    }

    @Test func thereAreTranscriptsForManyPersonas() {
        #expect(Self.files.count >= 12)
    }

    @Test(arguments: files.map { URL(fileURLWithPath: $0).lastPathComponent })
    func transcriptReplaysExactly(_ name: String) throws {
        let graph = try #require(Self.load.graph)
        let path = Fixtures.transcripts + "/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let transcript = try Transcript.parse(text).get()
        let result = Replayer.replay(transcript, engine: Engine(graph: graph), file: path)
        let passed = result.passed
        #expect(passed, Comment(rawValue: result.diff + result.assertionFailures.joined(separator: "\n")))
    }
}
