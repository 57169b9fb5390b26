import DialogCore
import DialogLoading
import DialogTools
import Foundation

/// The shipped conversation: the dialog files (read once into memory), the graph, and every
/// shipped transcript. Reading files is done here, before any clock starts.
struct ShippedSet {
    let folder: String
    let sources: [DialogLoader.Source]
    let graph: DialogGraph
    let transcripts: [(file: String, transcript: Transcript)]

    /// The dialog folder: `--dialogs`, else `./Dialogs`, else `../Dialogs`, else the checkout this was built from.
    static func locate(_ explicit: String?) -> String {
        if let explicit { return explicit }
        let fm = FileManager.default
        for candidate in ["Dialogs", "../Dialogs"] where fm.fileExists(atPath: candidate + "/main.json") { return candidate }
        // <root>/Benchmarks/Sources/bench/Workloads/ShippedSet.swift
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Dialogs").path
    }

    static func load(folder: String) throws -> ShippedSet {
        let fm = FileManager.default
        // The dialogs and their language data, as the chat reads them.
        let read = DialogLoader.readSources(paths: [folder])
        if let problem = read.diagnostics.first { throw BenchError("cannot read the dialogs: \(problem)") }
        let sources = read.sources
        let result = DialogLoader.load(sources: sources)
        guard let graph = result.graph else {
            throw BenchError("the shipped dialogs do not load:\n" + result.errors.map(\.description).joined(separator: "\n"))
        }
        let transcriptFolder = folder + "/transcripts"
        let transcriptNames = ((try? fm.contentsOfDirectory(atPath: transcriptFolder)) ?? [])
            .filter { $0.hasSuffix(".transcript") }.sorted()
        var transcripts: [(String, Transcript)] = []
        for name in transcriptNames {
            let path = transcriptFolder + "/" + name
            guard let data = fm.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
            switch Transcript.parse(String(decoding: data, as: UTF8.self)) {
            case .success(let t): transcripts.append((path, t))
            case .failure(let e): throw BenchError("\(path): \(e)")
            }
        }
        return ShippedSet(folder: folder, sources: sources, graph: graph, transcripts: transcripts)
    }
}

/// A benchmark that cannot run, with the reason.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
