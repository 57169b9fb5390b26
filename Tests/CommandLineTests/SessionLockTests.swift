import DialogCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif
import Foundation

@testable import second_opinion

/// Two chats with the same home folder (issue 15, item 5).
@Suite("Session lock")
struct SessionLockTests {
    @Test("While one chat runs, a second is told plainly and saves nothing")
    func secondChatSavesNothing() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        // Chat A: five answers, unfinished; then it is "still running" (the test holds its lock).
        #expect(try run.run(["chat"], input: "yes\nme\nuk\n1, 2\n1\n").status == 0)
        let session = run.statePath + "/session.json"
        let before = ChatRun.text(of: session)
        guard case .locked(let lock) = SessionLock.acquire(beside: session) else {
            Issue.record("the first lock was not taken")
            return
        }
        // Chat B, piped and with --resume: told, not offered A's conversation, and A's file untouched.
        let piped = try run.run(["chat"], input: "no\nquit\n")
        #expect(piped.output.contains("Another second-opinion conversation is open"))
        #expect(ChatRun.text(of: session) == before)
        let resumed = try run.run(["chat", "--resume"], input: "summary\nquit\n")
        #expect(resumed.output.contains("The saved conversation is open in your other chat"))
        #expect(!resumed.output.contains("Happy to go on"))
        #expect(ChatRun.text(of: session) == before)
        #expect(ChatRun.names(in: run.statePath).allSatisfy { !$0.hasPrefix("session.kept") })
        lock.release()  // chat A ends

        // Once A has ended, the next chat has the conversation back.
        let after = try run.run(["chat", "--resume"], input: "summary\nquit\n")
        #expect(!after.output.contains("Another second-opinion conversation is open"))
        #expect(after.output.contains("Happy to go on: yes"))
    }

    @Test("At a terminal the second chat asks, and stops on no")
    func secondChatAsks() throws {
        let harness = try ChatHarness()
        defer { harness.cleanUp() }
        try harness.chat(ContinuePromptTests.fiveAnswers, interactive: false)
        let before = ChatRun.text(of: harness.store.path)
        guard case .locked(let lock) = SessionLock.acquire(beside: harness.store.path) else {
            Issue.record("the first lock was not taken")
            return
        }
        let (_, reader, _) = try harness.chat(["no", "yes"], interactive: true)
        #expect(reader.lines == ["yes"], "the chat went on after no")
        try harness.chat(["yes", "yes", "me"], interactive: true)
        #expect(ChatRun.text(of: harness.store.path) == before)
        lock.release()
    }
}
