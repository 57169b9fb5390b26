import ArgumentParser
import DialogEngine
import Foundation

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

    func run() throws {
        let folder = try dialogOptions.folder()
        let graph = try dialogOptions.load()
        if `private`, record != nil || out != nil {
            throw ValidationError("--private writes nothing to disk, so it cannot be combined with --record or --out")
        }
        let history: String? =
            noHistory || `private` ? nil : (try? PrivateFiles.stateDirectory())?.appendingPathComponent("history").path
        let store: SessionStore? = `private` ? nil : try? SessionStore.standard()
        let session = ChatSession(
            engine: Engine(graph: graph), folder: folder, seed: seed, reader: makeLineReader(historyFile: history),
            style: TerminalStyle.detect(noColorFlag: noColor), recordPath: record, outPath: out, store: store,
            privateMode: `private`)
        throw ExitCode(session.run(resume: resume))
    }
}
