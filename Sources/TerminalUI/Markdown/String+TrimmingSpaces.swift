extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start] == " " || scalars[start] == "\t" { start = scalars.index(after: start) }
        while start < end {
            let last = scalars.index(before: end)
            guard scalars[last] == " " || scalars[last] == "\t" else { break }
            end = last
        }
        return String(scalars[start..<end])
    }
}
