import ArgumentParser
import DialogCore
import DialogLoading
import Foundation
import Testing

@testable import second_opinion

/// The README's command list agrees with `--help`; `schema` prints the shipped schemas; `new` writes a
/// set that loads; the schema and the loader agree on the broken corpus.
@Suite("Authoring tools")
struct AuthoringToolsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Each `second-opinion …` line of the README's "Command line" block, by subcommand (`chat` for a bare one).
    static func readmeCommands() throws -> [String: Set<String>] {
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        let section = try #require(readme.range(of: "## Command line\n\n```text\n"))
        let block = readme[section.upperBound...].prefix { _ in true }
        let end = try #require(block.range(of: "```"))
        var commands: [String: Set<String>] = [:]
        for line in block[..<end.lowerBound].split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            guard words.first == "second-opinion", words.count > 1 else { continue }
            let name = words[1].hasPrefix("-") ? "" : words[1].trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            commands[name, default: []].formUnion(options(in: String(line)))
        }
        return commands
    }

    /// Every `--option` named in a text.
    static func options(in text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(text)
        while let r = rest.range(of: "--") {
            let name = rest[r.upperBound...].prefix { $0.isLetter || $0 == "-" }
            if !name.isEmpty, name.first != "-" { found.insert("--" + name) }
            rest = rest[r.upperBound...]
        }
        return found
    }

    @Test("The README lists every subcommand with exactly the options its --help gives")
    func readmeMatchesHelp() throws {
        let readme = try Self.readmeCommands()
        for command in SecondOpinion.configuration.subcommands {
            let name = command.configuration.commandName ?? ""
            let help = SecondOpinion.helpMessage(for: command)
            let offered = Self.options(in: help).subtracting(["--help", "--version"])
            let listed = try #require(readme[name], "the README's command list has no line for '\(name)'")
            #expect(listed.subtracting(["--version"]) == offered, "\(name): README \(listed.sorted()) vs --help \(offered.sorted())")
        }
        #expect(readme[""] == ["--version"])
    }

    @Test("schema prints the shipped schemas")
    func schemaTextIsTheShippedFile() throws {
        for (embedded, file) in [
            (SchemaText.dialog, "dialog.schema.json"), (SchemaText.messages, "messages.schema.json"),
            (SchemaText.sources, "sources.schema.json"), (SchemaText.language, "language.schema.json"),
        ] {
            let shipped = try String(contentsOfFile: Self.root + "/schema/" + file, encoding: .utf8)
            #expect(embedded + "\n" == shipped, "run python3 scripts/embed-schema.py")
        }
    }

    @Test("new writes a set that loads with no problem, and refuses to overwrite")
    func newWritesAStarter() throws {
        let folder = NSTemporaryDirectory() + "so-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try NewCommand.parse([folder]).run()
        let result = DialogLoader.load(paths: [folder])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: folder + "/transcripts/happy-path.transcript"))
        #expect(FileManager.default.fileExists(atPath: folder + "/schema/dialog.schema.json"))
        #expect(throws: (any Error).self) { try NewCommand.parse([folder]).run() }
    }

    static let canCheckSchema: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import jsonschema"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    @Test("The schema rejects exactly the broken cases marked so, and passes the shipped files", .enabled(if: canCheckSchema))
    func schemaAndLoaderAgree() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.root + "/scripts/check-schema.py"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
    }
}

/// The `--help` overview is the dialog folder's own (`overview.*` in messages.json).
@Suite struct HelpOverviewTests {
    @Test func aFoldersMessagesGiveTheOverview() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("overview-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let json = #"{ "messages": { "overview.abstract": "Gets you ready for a first specialist appointment.", "overview.discussion": "Not medical advice." } }"#
        try json.write(toFile: folder + "/messages.json", atomically: true, encoding: .utf8)
        let messages = Messages.folderMessages(folder)
        #expect(messages[.overviewAbstract] == "Gets you ready for a first specialist appointment.")
        #expect(messages[.overviewDiscussion] == "Not medical advice.")
        // A folder without one, or with one that does not read, keeps the shipped English.
        #expect(Messages.folderMessages(folder + "/missing")[.overviewAbstract] == Messages.english[.overviewAbstract])
        try "{ broken".write(toFile: folder + "/messages.json", atomically: true, encoding: .utf8)
        #expect(Messages.folderMessages(folder)[.overviewAbstract] == Messages.english[.overviewAbstract])
    }

    @Test func theShippedHelpSaysTheShippedOverview() {
        #expect(SecondOpinion.helpMessage().contains("second medical opinion"))
    }
}
