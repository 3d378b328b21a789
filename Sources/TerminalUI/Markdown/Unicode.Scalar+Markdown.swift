extension Unicode.Scalar {
    /// Whitespace for the flanking rules (a line end counts as whitespace).
    var isWhitespaceOrLineEnd: Bool {
        if isASCII { return value == 0x20 || (0x09...0x0D).contains(value) }  // Unicode's White_Space in ASCII
        return properties.isWhitespace
    }

    /// ASCII punctuation and Unicode punctuation or symbols, as CommonMark's flanking rules define punctuation.
    var isMarkdownPunctuation: Bool {
        if isASCII { return isASCIIPunctuation }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`: the ASCII punctuation and symbols (what a backslash may escape).
    var isASCIIPunctuation: Bool {
        switch value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }
}
