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

    func run() throws {
        let folder = try dialogOptions.folder()
        let graph = try dialogOptions.load()
        let history: String? = noHistory ? nil : (try? PrivateFiles.stateDirectory())?.appendingPathComponent("history").path
        let session = ChatSession(
            engine: Engine(graph: graph), folder: folder, seed: seed, reader: makeLineReader(historyFile: history),
            style: TerminalStyle.detect(noColorFlag: noColor), recordPath: record, outPath: out)
        throw ExitCode(session.run())
    }
}
