import DialogCore

/// A checked dialog set in a compact binary form, so a chat can start without parsing, linking and
/// checking JSON it has already checked (Yarn Spinner and Ink ship compiled stories for the same reason).
///
/// The form holds the exact bytes of every source file it was made from, and `decode` gives a graph only
/// when the files given now are byte for byte the same (names, order, contents) and `stamp` (which program
/// wrote it) matches. There is no hash to collide: an edited file, an added or removed file, or another
/// build of the program means a full load, and a damaged form is refused, never trusted.
///
/// ```swift
/// let bytes = CompiledDialogs.encode(graph, sources: sources, stamp: stamp)
/// CompiledDialogs.decode(bytes, sources: sources, stamp: stamp)   // the same graph
/// ```
///
/// Layout: the magic `SOdialog`, the format version, the stamp, each source (name, bytes), a checksum of
/// what follows, the table of distinct strings, then the graph (`ByteWriter+Graph.swift`); lengths and
/// numbers are LEB128 varints.
public enum CompiledDialogs {
    /// Bumped whenever the layout changes (the stamp already changes with every build of the program).
    package static let formatVersion: UInt64 = 15
    static let magic = Array("SOdialog".utf8)

    /// The compiled form of `graph`, which was loaded from exactly `sources`; `stamp` names the program.
    public static func encode(_ graph: DialogGraph, sources: [DialogLoader.Source], stamp: [UInt8]) -> [UInt8] {
        let rest = body(of: graph)
        let ordered = sources.sorted { $0.name < $1.name }
        var out = ByteWriter(capacity: rest.count + 8 + ordered.reduce(0) { $0 + $1.bytes.count } + (32 << 10))
        out.append(contentsOf: magic)
        out.unsigned(formatVersion)
        out.blob(stamp)
        out.count(ordered.count)
        for source in ordered {
            out.blob(Array(source.name.utf8))
            out.blob(source.bytes)
        }
        let sum = rest.withUnsafeBytes { checksum($0) }
        for shift in stride(from: 0, to: 64, by: 8) { out.byte(UInt8(truncatingIfNeeded: sum >> UInt64(shift))) }
        out.append(contentsOf: rest)
        return out.bytes
    }

    /// What follows the checksum in a form: the string table, then the graph.
    @_spi(Fuzzing)
    public static func body(of graph: DialogGraph) -> [UInt8] {
        var graphBytes = ByteWriter(capacity: 64 << 10)
        graphBytes.graph(graph)
        var rest = ByteWriter(capacity: graphBytes.bytes.count + (32 << 10))
        rest.count(graphBytes.strings.count)
        for string in graphBytes.strings { rest.blob(Array(string.utf8)) }
        rest.append(contentsOf: graphBytes.bytes)
        return rest.bytes
    }

    /// The graph in a form's body (see `body(of:)`), or nil: the decoder alone, with no header, sources
    /// or checksum in the way, for fuzzing it with arbitrary bytes.
    @_spi(Fuzzing)
    public static func decodeBody(_ body: [UInt8]) -> DialogGraph? {
        body.withUnsafeBytes { raw -> DialogGraph? in
            var reader = ByteReader(raw)
            do {
                try reader.readStringTable(sharing: true)
                let graph = try reader.graph(body: body)
                return reader.remaining == 0 ? graph : nil
            } catch {
                return nil
            }
        }
    }

    /// The graph in `bytes`, when they were written by the program named by `stamp` from files identical to
    /// `sources`; nil when anything differs or the bytes are damaged.
    public static func decode(_ bytes: [UInt8], sources: [DialogLoader.Source], stamp: [UInt8]) -> DialogGraph? {
        let ordered = sources.sorted { $0.name < $1.name }
        return bytes.withUnsafeBytes { raw in
            decode(raw, stamp: stamp) { stored in
                stored.count == ordered.count
                    && zip(stored, ordered).allSatisfy { $0.name == $1.name && $1.bytes.withUnsafeBytes(same($0.bytes)) }
            }
        }
    }

    /// One source file as a compiled form holds it: its name and its bytes (borrowed from the form).
    package struct StoredSource {
        package let name: String
        package let bytes: UnsafeRawBufferPointer
    }

    /// The graph in `form` (bytes borrowed for the call, e.g. a mapped file), when it was written by the
    /// program `stamp` names and `acceptSources` finds its sources (in name order) identical to the files
    /// there now; nil when anything differs or the form is damaged. Nothing after the sources is decoded
    /// before they are accepted.
    package static func decode(
        _ form: UnsafeRawBufferPointer, stamp: [UInt8], acceptSources: ([StoredSource]) -> Bool
    ) -> DialogGraph? {
        guard form.count >= magic.count, form.prefix(magic.count).elementsEqual(magic) else { return nil }
        var reader = ByteReader(form, offset: magic.count)
        do {
            guard try reader.unsigned() == formatVersion else { return nil }
            let storedStamp = try reader.blob()
            guard stamp.withUnsafeBytes(same(storedStamp)) else { return nil }
            let count = try reader.count()
            var stored: [StoredSource] = []
            stored.reserveCapacity(count)
            for _ in 0..<count { stored.append(StoredSource(name: try reader.rawString(), bytes: try reader.blob())) }
            guard acceptSources(stored), reader.remaining >= 8 else { return nil }
            let sum = UInt64(littleEndian: form.loadUnaligned(fromByteOffset: reader.offset, as: UInt64.self))
            reader = ByteReader(form, offset: reader.offset + 8)
            let rest = UnsafeRawBufferPointer(rebasing: form[reader.offset...])
            guard sum == checksum(rest) else { return nil }
            guard var graph = decodeBody(Array(rest)) else { return nil }
            // The language data is kept as its checked sources and built when a line first needs it.
            let language = stored.filter { LanguageLoader.isLanguageFile($0.name) }
                .map { DialogLoader.Source(name: $0.name, bytes: Array($0.bytes)) }
            if !language.isEmpty {
                graph.language = LanguageData(files: language.map(\.name)) { LanguageLoader.build(language).language }
            }
            return graph
        } catch {
            return nil
        }
    }

    /// Where the checksum starts (after the magic, version, stamp and sources), or nil when the bytes are
    /// too short to say.
    static func headerLength(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            guard raw.count >= magic.count else { return nil }
            var reader = ByteReader(raw, offset: magic.count)
            do {
                _ = try reader.unsigned()
                _ = try reader.blob()
                for _ in 0..<(try reader.count()) {
                    _ = try reader.blob()
                    _ = try reader.blob()
                }
                return reader.offset
            } catch {
                return nil
            }
        }
    }

    /// A 64-bit checksum of the strings and the graph, so a damaged form (a bad disk block, a torn copy) is
    /// refused instead of decoding into a graph that was never checked. It guards against accidents, not
    /// against someone who can write the user's files (they could edit the dialogs themselves). It reads
    /// eight bytes a step (not `FNV1a`'s one), so checking a whole form stays a small part of opening it.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            h = ((h ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0xFF51_AFD7_ED55_8CCD)
            h = (h << 31) | (h >> 33)
            i += 8
        }
        var tail: UInt64 = 0
        for j in i..<bytes.count { tail |= UInt64(bytes[j]) << UInt64(8 * (j - i)) }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 33)
    }

    /// Whether two byte runs are equal (one `memcmp`), curried so it reads as `same(stored)(expected)`.
    static func same(_ stored: UnsafeRawBufferPointer) -> (UnsafeRawBufferPointer) -> Bool {
        { expected in
            guard stored.count == expected.count else { return false }
            guard let a = stored.baseAddress, let b = expected.baseAddress else { return stored.count == 0 }
            return memcmp(a, b, stored.count) == 0
        }
    }
}
