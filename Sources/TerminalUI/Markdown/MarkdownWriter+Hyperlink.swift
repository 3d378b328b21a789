extension MarkdownWriter {
    /// Starts an OSC 8 hyperlink around the text that follows (terminal mode with colour only).
    /// - Parameter destination: The URL's UTF-8, lent (only its printable ASCII other than the space is written).
    mutating func beginHyperlink(utf8 destination: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard color else { return }
        // ESC ] 8 ; ;, the printable ASCII of the URL, ESC \: built in temporary storage, not a new array.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: destination.count + 7) { bytes in
            bytes[0] = 0x1B
            bytes[1] = 0x5D
            bytes[2] = 0x38
            bytes[3] = 0x3B
            bytes[4] = 0x3B
            var count = 5
            for byte in destination where byte >= 0x21 && byte < 0x7F {
                bytes[count] = byte
                count += 1
            }
            bytes[count] = 0x1B
            bytes[count + 1] = 0x5C
            wrapper.appendControl(UnsafeBufferPointer(rebasing: bytes[..<(count + 2)]), to: &output)
        }
    }
}
