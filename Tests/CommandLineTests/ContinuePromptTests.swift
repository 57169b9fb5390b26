import DialogEngine
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif
import Foundation

@testable import second_opinion

/// "You have an unfinished conversation from before. Continue it? (yes/no)" (issue 15, item 4).
@Suite("Continue prompt")
struct ContinuePromptTests {
    /// Five answers, saved, the conversation unfinished.
    static let fiveAnswers = ["yes", "me", "uk", "1, 2", "1"]
    /// The slots they leave: five answers, and the country's code, name, numbers, the emergency number's
    /// source and how to reach the crisis line (`country.*`).
    static let savedSlots = 13

    private func prepared() throws -> ChatHarness {
        let harness = try ChatHarness()
        try harness.chat(Self.fiveAnswers, interactive: false)
        #expect(harness.savedSlots?.count == Self.savedSlots)
        return harness
    }

    @Test("Yes in any of the words every yes/no question takes continues the conversation", arguments: [
        "Yes!", "yes please", "yep", "yes\u{200B}", "YES", "sure, go on",
    ])
    func yesContinues(reply: String) throws {
        let harness = try prepared()
        defer { harness.cleanUp() }
        try harness.chat([reply], interactive: true)
        #expect(harness.savedSlots?.count == Self.savedSlots, "the saved answers were lost after '\(reply)'")
        #expect(ChatRun.names(in: harness.folder + "/state").allSatisfy { !$0.hasPrefix("session.kept") })
    }

    @Test("Anything not clearly yes or no asks again; the end of input keeps the session as it was", arguments: [
        "1", "maybe", "", "yes no", "continue?",
    ])
    func unclearAsksAgain(reply: String) throws {
        let harness = try prepared()
        defer { harness.cleanUp() }
        let before = ChatRun.text(of: harness.store.path)
        let (status, reader) = try harness.chat([reply, "quit"], interactive: true)
        #expect(status == 0)
        #expect(reader.lines.isEmpty, "the second line was read as an answer to 'Continue it?'")
        #expect(ChatRun.text(of: harness.store.path) == before)
    }

    @Test("Ctrl-D at the prompt keeps the saved conversation untouched")
    func endOfInputKeeps() throws {
        let harness = try prepared()
        defer { harness.cleanUp() }
        let before = ChatRun.text(of: harness.store.path)
        #expect(try harness.chat([], interactive: true).status == 0)
        #expect(ChatRun.text(of: harness.store.path) == before)
    }

    @Test("No starts a new conversation and keeps the old one aside")
    func noKeepsAside() throws {
        let harness = try prepared()
        defer { harness.cleanUp() }
        try harness.chat(["no"], interactive: true)
        #expect(harness.savedSlots?.isEmpty == true)
        let kept = SessionStore(path: harness.folder + "/state/session.kept-1.json")
        guard case .loaded(_, let old) = kept.load() else {
            Issue.record("the discarded conversation was not kept")
            return
        }
        #expect(old.slots.count == Self.savedSlots)
    }

    @Test("A piped run without --resume never overwrites an unfinished conversation")
    func pipedKeepsAside() throws {
        let harness = try prepared()
        defer { harness.cleanUp() }
        try harness.chat(["yes"], interactive: false)
        #expect(harness.savedSlots?.count == 1)
        let kept = SessionStore(path: harness.folder + "/state/session.kept-1.json")
        guard case .loaded(_, let old) = kept.load() else {
            Issue.record("the unfinished conversation was overwritten")
            return
        }
        #expect(old.slots.count == Self.savedSlots)
    }

    @Test("Engine.readYesNo reads as a bool question does")
    func readYesNo() {
        #expect(Engine.readYesNo("Yes!") == true)
        #expect(Engine.readYesNo("nope") == false)
        #expect(Engine.readYesNo("no thanks") == false)
        #expect(Engine.readYesNo("1") == nil)
        #expect(Engine.readYesNo("") == nil)
        #expect(Engine.readYesNo(String(repeating: "yes ", count: 10_000)) == nil)
    }
}
