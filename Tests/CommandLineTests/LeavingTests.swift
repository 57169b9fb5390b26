import DialogCore
import Testing

@testable import second_opinion

/// Ctrl-D and `quit` say that the conversation is saved and how to pick it up, only when it is kept.
@Suite struct LeavingTests {
    static let kept = Messages.english[.sessionKept]

    @Test("Ctrl-D and quit in the middle of a conversation say how to pick it up", arguments: ["yes\n", "yes\nquit\n"])
    func unfinishedSaysHowToContinue(input: String) throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let result = try run.run(["chat"], input: input)
        #expect(result.status == 0)
        #expect(result.output.contains(Self.kept))
        #expect(result.output.contains("second-opinion forget"))
    }

    @Test("Nothing is said about a saved conversation with --private")
    func privateSaysNothing() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let result = try run.run(["chat", "--private"], input: "yes\nquit\n")
        #expect(!result.output.contains(Self.kept))
    }

    @Test("Nothing is said when the conversation is over (it is not continued next time)")
    func endedSaysNothing() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let result = try run.run(["chat"], input: "no\n")
        #expect(!result.output.contains(Self.kept))
    }
}
