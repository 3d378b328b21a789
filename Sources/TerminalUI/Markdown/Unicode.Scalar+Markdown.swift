extension Unicode.Scalar {
    /// Whitespace for the flanking rules (a line end counts as whitespace).
    var isWhitespaceOrLineEnd: Bool { properties.isWhitespace }

    /// ASCII punctuation and Unicode punctuation or symbols, as CommonMark's flanking rules define punctuation.
    var isMarkdownPunctuation: Bool {
        if isASCII { return properties.isPunctuationOrSymbolASCII }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}

extension Unicode.Scalar.Properties {
    /// `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`.
    var isPunctuationOrSymbolASCII: Bool {
        let value = generalCategory
        return [
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol,
        ].contains(value)
    }
}
