import ArgumentParser
import DialogCore

/// `second-opinion chat` (the default): the conversation in a GNU readline prompt.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk through whether to get a second opinion (the default command).")

    @OptionGroup var dialogOptions: DialogOptions

    @ArgumentParser.Option(help: "Seed for the choice of phrasings (same seed + same answers = same conversation).")
    var seed: UInt64 = 1

    @Flag(help: "Keep no history of answers for the Up arrow.")
    var noHistory = false

    @Flag(help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    @ArgumentParser.Option(help: "Write a transcript of this conversation to FILE (replayable with `replay`).")
    var record: String?

    @ArgumentParser.Option(help: "Write your documents to FILE when the conversation ends.")
    var out: String?

    @Flag(help: "Continue the conversation saved from last time.")
    var resume = false

    @Flag(help: "Write nothing at all to disk: no history, no saved conversation, no files.")
    var `private` = false

    @Flag(help: "Let --out, --record and save FILE replace an existing file (otherwise a terminal asks, and a piped run writes NAME-2).")
    var force = false

    @ArgumentParser.Option(help: ArgumentHelp("Start at DIALOG (its start node) or DIALOG.NODE instead of main, to try one part.", valueName: "DIALOG[.NODE]"))
    var start: String?

    @ArgumentParser.Option(help: ArgumentHelp("With --start: set a slot first, e.g. --set country=uk (repeatable; multi: a,b).", valueName: "slot=value"))
    var set: [String] = []

    /// The parsed command line as plain settings.
    var settings: ChatSettings {
        ChatSettings(
            dialogs: dialogOptions.dialogs, seed: seed, noHistory: noHistory, noColor: noColor, record: record, out: out,
            resume: resume, privateMode: `private`, force: force, start: start, set: set)
    }

    func run() throws {
        try Self.run(settings)
    }

    /// Runs a chat with `settings`: loads and checks the dialogs, then talks until the end or end of input.
    static func run(_ settings: ChatSettings) throws {
        let folder = try DialogFolder.find(settings.dialogs)
        if settings.privateMode, settings.record != nil || settings.out != nil {
            throw ValidationError("--private writes nothing to disk, so it cannot be combined with --record or --out")
        }
        let loaded = try DialogCache.load(folder, writable: !settings.privateMode)
        var graph = loaded.graph
        if settings.start != nil || !settings.set.isEmpty {
            guard !settings.resume else { throw ValidationError("--start and --set begin a new conversation; they cannot be combined with --resume") }
            do {
                graph = try graph.starting(at: settings.start, setting: settings.set)
            } catch {
                throw ValidationError(error.description)
            }
        }
        // The history file's folder is made only at a terminal (piped input keeps no history).
        let history: () -> String? = {
            settings.noHistory || settings.privateMode
                ? nil : (try? PrivateFiles.stateDirectory()).map { FilePaths.join($0, "history") }
        }
        let trying = settings.start != nil || !settings.set.isEmpty
        // Trying one part keeps its own saved conversation, beside the usual one and apart from it.
        let store: SessionStore? =
            settings.privateMode
            ? nil : (try? SessionStore.standard()).map { trying ? SessionStore(path: $0.path.replacing("session.json", with: "session-try.json")) : $0 }
        let session = ChatSession(
            engine: Engine(graph: graph), folder: folder, seed: settings.seed, reader: makeLineReader(historyFile: history),
            style: TerminalStyle.detect(noColorFlag: settings.noColor), recordPath: settings.record, outPath: settings.out,
            store: store, privateMode: settings.privateMode, force: settings.force)
        session.afterFirstPrompt = loaded.store
        let status = session.run(resume: settings.resume)
        throw ExitCode(StandardStream.reportOutputFailure() ? 1 : status)
    }
}

/// What a chat takes from the command line. The defaults are those of a bare `second-opinion`, so that
/// case can start without ArgumentParser (see `SecondOpinion.main`); a test checks they agree.
struct ChatSettings: Equatable {
    var dialogs: String? = nil
    var seed: UInt64 = 1
    var noHistory = false
    var noColor = false
    var record: String? = nil
    var out: String? = nil
    var resume = false
    var privateMode = false
    var force = false
    var start: String? = nil
    var set: [String] = []
}
