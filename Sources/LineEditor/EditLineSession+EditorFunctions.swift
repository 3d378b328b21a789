private import CLibEdit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C functions libedit calls back: the prompt and the editor functions bound to Tab, Ctrl-C, Ctrl-X Ctrl-E and
/// the bracketed-paste start marker. They run on the reading thread, inside `el_gets`.
extension EditLineSession {
    static let promptFunction: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { editor in
        session(of: editor)?.prompt
    }

    static let completeFunction: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editor, _ in
        guard let session = session(of: editor) else { return UInt8(CC_ERROR) }
        return session.complete()
    }

    static let interruptFunction: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editor, _ in
        guard let session = session(of: editor) else { return UInt8(CC_ERROR) }
        session.interrupted = true
        // Submit the line through the normal Enter key, so libedit moves below the line as it does for Enter;
        // `read(prompt:)` sees the flag and reports `.interrupted` instead of the line.
        el_push(session.editor, "\r")
        return UInt8(CC_NORM)
    }

    static let editFunction: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editor, _ in
        guard let session = session(of: editor) else { return UInt8(CC_ERROR) }
        session.editRequested = true
        // Submitted like Ctrl-C's line; `read(prompt:initialText:)` reports it as `.editRequested` with the line.
        el_push(session.editor, "\r")
        return UInt8(CC_NORM)
    }

    static let pasteFunction: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editor, _ in
        guard let session = session(of: editor) else { return UInt8(CC_ERROR) }
        return session.paste()
    }

    private static func session(of editor: OpaquePointer?) -> EditLineSession? {
        guard let editor, let data = clibedit_get_clientdata(editor) else { return nil }
        return Unmanaged<EditLineSession>.fromOpaque(data).takeUnretainedValue()
    }

    /// Tab: completes the word before the cursor (see ``TabCompletion``).
    private func complete() -> UInt8 {
        guard let info = el_wline(editor)?.pointee, let buffer = info.buffer, let cursor = info.cursor else {
            return UInt8(CC_ERROR)
        }
        let prefix = Self.string(buffer, count: buffer.distance(to: cursor))
        switch TabCompletion.resolve(prefix: prefix, candidates: completions(prefix)) {
        case .none:
            return UInt8(CC_REFRESH_BEEP)
        case .replace(let length, let text):
            el_deletestr(editor, Int32(clamping: length))
            insert(text)
            return UInt8(CC_REFRESH)
        case .list(let candidates):
            write("\n" + candidates.joined(separator: "  ") + "\n")
            return UInt8(CC_REDISPLAY)
        }
    }

    /// The bracketed-paste start marker: reads up to the end marker and inserts the text, newlines included.
    private func paste() -> UInt8 {
        var paste = BracketedPaste()
        var character: wchar_t = 0
        while el_wgetc(editor, &character) > 0 {
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: Int32(character))) else { continue }
            if paste.feed(scalar) { break }
        }
        insert(paste.text)
        return UInt8(CC_REFRESH)
    }

    private func insert(_ text: String) {
        guard !text.isEmpty else { return }
        var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        _ = el_winsertstr(editor, wide)
    }

    private static func string(_ characters: UnsafePointer<wchar_t>, count: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for index in 0..<max(0, count) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: Int32(characters[index]))) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
