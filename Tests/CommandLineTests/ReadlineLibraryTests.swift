import Testing

@testable import second_opinion

/// Loading GNU readline on demand: which names are tried, and what a failure reports (the chat then falls
/// back to plain input with `notice`). Loading readline into the test process only maps it; nothing is called.
@Suite("Readline loading")
struct ReadlineLibraryTests {
    @Test("The soname is tried first, then the development symlink")
    func candidateOrder() {
        #expect(ReadlineLibrary.candidateNames == ["libreadline.so.8", "libreadline.so"])
    }

    @Test("The system's readline loads with every symbol the reader uses")
    func loadsSystemReadline() {
        #expect(throws: Never.self) { try ReadlineLibrary.load(candidates: ReadlineLibrary.candidateNames).get() }
    }

    @Test("Functions and globals are reached through the loaded addresses (history calls only, no terminal)")
    func callsThroughSymbols() throws {
        let library = try ReadlineLibrary.load(candidates: ReadlineLibrary.candidateNames).get()
        library.usingHistory.call()
        #expect(library.historyLength.value == 0)
        #expect(library.lastHistoryLine() == nil)
        #expect(!library.isHandlingSignal)
    }

    @Test("A name that does not load is skipped for the next one")
    func skipsMissingName() {
        #expect(throws: Never.self) {
            try ReadlineLibrary.load(candidates: ["libsecond-opinion-no-such-readline.so.8", "libreadline.so.8"]).get()
        }
    }

    @Test("No loadable name: the dynamic linker's message, in a one-line notice")
    func missingLibrary() {
        guard case .failure(let problem) = ReadlineLibrary.load(candidates: ["libsecond-opinion-no-such-readline.so.8"]) else {
            Issue.record("a library that does not exist loaded")
            return
        }
        #expect(problem.reason.hasPrefix("libsecond-opinion-no-such-readline.so.8: cannot open shared object file"))
        #expect(problem.notice == "readline is not available (\(problem.reason)); line editing is off")
        #expect(!problem.notice.contains("\n"))
    }

    @Test("A library without readline's symbols is refused, naming the first missing one")
    func missingSymbol() {
        guard case .failure(let problem) = ReadlineLibrary.load(candidates: ["libc.so.6"]) else {
            Issue.record("libc was taken for readline")
            return
        }
        #expect(problem.reason.contains("undefined symbol: readline"))
    }

    @Test("No names at all is a failure, not a crash")
    func noNames() {
        #expect(throws: ReadlineUnavailable.self) { try ReadlineLibrary.load(candidates: []).get() }
    }
}
