/// printf-style formatting through the C library (`String(format:)` lives in Foundation, which the
/// chat binary does not load).
enum CFormat {
    /// `format` filled with `arguments` exactly as C's `printf` would.
    static func string(_ format: String, _ arguments: CVarArg...) -> String {
        withVaList(arguments) { list in
            var buffer = [CChar](repeating: 0, count: 128)
            // vsnprintf consumes its va_list, so a second attempt needs a fresh one.
            let needed = Int(vsnprintf(&buffer, buffer.count, format, list))
            guard needed >= buffer.count else { return String(decoding: buffer.prefix(max(needed, 0)).map(UInt8.init(bitPattern:)), as: UTF8.self) }
            return withVaList(arguments) { again in
                buffer = [CChar](repeating: 0, count: needed + 1)
                _ = vsnprintf(&buffer, buffer.count, format, again)
                return String(decoding: buffer.prefix(needed).map(UInt8.init(bitPattern:)), as: UTF8.self)
            }
        }
    }

    /// `text` cut or padded with spaces on the right to exactly `width` characters.
    static func padded(_ text: String, to width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }
}
