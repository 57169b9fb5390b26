import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer's driver for programs with their own `main`: parses libFuzzer's flags and calls `callback` per input.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The fuzzer's command line: `DialogFuzz TARGET [libFuzzer flags and corpus folders…]`, or the target in
/// `DIALOG_FUZZ_TARGET` (which is how libFuzzer's `-fork` children learn it). Exit status 2 on bad usage.
enum Driver {
    /// The environment variable naming the target.
    static let targetVariable = "DIALOG_FUZZ_TARGET"
    /// The environment variable naming the dialogs folder (default: the checkout's `Dialogs/`).
    static let dialogsVariable = "DIALOG_FUZZ_DIALOGS"

    /// The repository root, from this file's place in it (`Fuzz/Sources/DialogFuzz/Driver.swift`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func usage() -> Never {
        let names = FuzzChecks.Target.allCases.map(\.rawValue).joined(separator: "|")
        FileHandle.standardError.write(
            Data("usage: DialogFuzz \(names) [libFuzzer flags] [corpus folders…]  (or set \(targetVariable))\n".utf8))
        exit(2)
    }
}

/// The checks for the chosen target, with the shipped dialogs loaded once before fuzzing starts.
let selected: (target: FuzzChecks.Target, checks: FuzzChecks) = {
    let environment = ProcessInfo.processInfo.environment
    guard let name = environment[Driver.targetVariable], let target = FuzzChecks.Target(rawValue: name) else {
        Driver.usage()
    }
    let folder = environment[Driver.dialogsVariable] ?? Driver.root + "/Dialogs"
    guard let checks = FuzzChecks(dialogsFolder: folder) else {
        FileHandle.standardError.write(Data("DialogFuzz: the dialogs in \(folder) do not load cleanly\n".utf8))
        exit(2)
    }
    return (target, checks)
}()

/// One input: any broken property is printed and turned into a crash, so libFuzzer saves the input.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let broken = selected.checks.run(selected.target, bytes)
    if !broken.isEmpty {
        let text = "\n== property broken (\(selected.target.rawValue)):\n" + broken.joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
        abort()
    }
    return 0
}

/// The program's entry point (SwiftPM links `main` to `<module>_main`).
@_cdecl("DialogFuzz_main")
func dialogFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var arguments = (0..<Int(argc)).map { argv[$0] }
    // `DialogFuzz write-compiled-seeds DIR` and `write-session-seeds DIR`: seeds made by the engine itself
    // for the `compiled` and `session` targets (scripts/fuzz.sh).
    let seedCommands: [String: FuzzChecks.Target] = ["write-compiled-seeds": .compiled, "write-session-seeds": .session]
    if arguments.count == 3, let command = arguments[1].map({ String(cString: $0) }), let target = seedCommands[command],
        let dir = arguments[2]
    {
        setenv(Driver.targetVariable, target.rawValue, 1)
        let folder = String(cString: dir)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let seeds = target == .compiled ? selected.checks.compiledSeeds : selected.checks.sessionSeeds
        for (i, seed) in seeds.enumerated() {
            _ = FileManager.default.createFile(atPath: folder + "/shipped-\(i)", contents: Data(seed))
        }
        return 0
    }
    if arguments.count > 1, let first = arguments[1].map({ String(cString: $0) }), !first.hasPrefix("-"),
        FuzzChecks.Target(rawValue: first) != nil
    {
        setenv(Driver.targetVariable, first, 1)
        arguments.remove(at: 1)
    } else if arguments.count > 1, arguments[1].map({ String(cString: $0) }) == "--help" {
        Driver.usage()
    }
    _ = selected  // load the dialogs (and check the target) before libFuzzer starts timing
    arguments.append(nil)
    var count = CInt(arguments.count - 1)
    return arguments.withUnsafeMutableBufferPointer { buffer -> CInt in
        guard let base = buffer.baseAddress else { return 2 }
        var pointer = base
        return LLVMFuzzerRunDriver(&count, &pointer, fuzzOne)
    }
}
