import Testing

@testable import DialogCore

/// Only answers belong in the `back` history (issue 15, item 12).
@Suite struct UndoHistoryTests {
    @Test func commonQuestionsAddNoUndoSnapshot() throws {
        var chat = try BadInputTests().chat()
        chat.say("yes")
        chat.say("me")
        let node = chat.node
        let history = chat.state.history.count
        for _ in 0..<50 { chat.say("will it upset my doctor?") }
        #expect(chat.node == node, "the question was not asked again after the common question")
        #expect(chat.state.history.count == history)
        // `back` still undoes the last answer.
        chat.say("back")
        #expect(chat.state.history.count == history - 1)
        #expect(chat.node == "main.ask_who")
    }
}
