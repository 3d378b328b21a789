/// The spec examples this parser renders differently from the spec, each with its reason. The spec test fails when
/// one of them starts passing (remove it here) or when an example not listed fails.
enum ExpectedFailures {
    /// Why an example fails.
    enum Reason: String {
        /// The example uses a link reference definition (`[label]: /url`). Out of scope: a definition may follow
        /// its use, so honouring it would hold every paragraph until the document ends; the definition is shown
        /// as paragraph text and `[label]` as literal text.
        case referenceDefinition = "link reference definition (out of scope)"
        /// The example is an HTML block. Out of scope: shown as paragraph text, escaped.
        case htmlBlock = "HTML block (out of scope)"
        /// The example relies on inline raw HTML (`<span>`, `<!-- -->`). Out of scope: `<` is literal text.
        case rawHTML = "raw HTML (out of scope)"
    }

    /// CommonMark 0.31.2 examples, by number.
    static let commonMark: [Int: Reason] = [
        21: .rawHTML, 23: .referenceDefinition, 31: .rawHTML, 33: .referenceDefinition, 148: .htmlBlock,
        149: .htmlBlock, 150: .htmlBlock, 151: .htmlBlock, 152: .htmlBlock, 153: .htmlBlock, 154: .htmlBlock,
        155: .htmlBlock, 156: .htmlBlock, 157: .htmlBlock, 158: .htmlBlock, 159: .htmlBlock, 160: .htmlBlock,
        161: .htmlBlock, 162: .htmlBlock, 163: .htmlBlock, 164: .htmlBlock, 165: .htmlBlock, 166: .htmlBlock,
        167: .htmlBlock, 168: .htmlBlock, 169: .htmlBlock, 170: .htmlBlock, 171: .htmlBlock, 172: .htmlBlock,
        173: .htmlBlock, 174: .htmlBlock, 175: .htmlBlock, 176: .htmlBlock, 177: .htmlBlock, 178: .htmlBlock,
        179: .htmlBlock, 180: .htmlBlock, 181: .htmlBlock, 182: .htmlBlock, 183: .htmlBlock, 184: .htmlBlock,
        185: .htmlBlock, 186: .htmlBlock, 187: .htmlBlock, 188: .htmlBlock, 189: .htmlBlock, 190: .htmlBlock,
        191: .htmlBlock, 192: .referenceDefinition, 193: .referenceDefinition, 194: .referenceDefinition,
        195: .referenceDefinition, 196: .referenceDefinition, 198: .referenceDefinition, 200: .referenceDefinition,
        201: .referenceDefinition, 202: .referenceDefinition, 203: .referenceDefinition, 204: .referenceDefinition,
        205: .referenceDefinition, 206: .referenceDefinition, 207: .referenceDefinition, 208: .referenceDefinition,
        210: .referenceDefinition, 214: .referenceDefinition, 215: .referenceDefinition, 216: .referenceDefinition,
        217: .referenceDefinition, 218: .referenceDefinition, 308: .rawHTML, 309: .rawHTML,
        317: .referenceDefinition, 344: .rawHTML, 475: .rawHTML, 476: .rawHTML, 477: .rawHTML, 491: .rawHTML,
        494: .rawHTML, 524: .rawHTML, 527: .referenceDefinition, 528: .referenceDefinition,
        529: .referenceDefinition, 530: .referenceDefinition, 531: .referenceDefinition, 532: .referenceDefinition,
        533: .referenceDefinition, 534: .referenceDefinition, 535: .referenceDefinition, 536: .referenceDefinition,
        537: .referenceDefinition, 538: .referenceDefinition, 539: .referenceDefinition, 540: .referenceDefinition,
        541: .referenceDefinition, 542: .referenceDefinition, 543: .referenceDefinition, 544: .referenceDefinition,
        545: .referenceDefinition, 549: .referenceDefinition, 550: .referenceDefinition, 553: .referenceDefinition,
        554: .referenceDefinition, 555: .referenceDefinition, 556: .referenceDefinition, 557: .referenceDefinition,
        558: .referenceDefinition, 559: .referenceDefinition, 560: .referenceDefinition, 561: .referenceDefinition,
        562: .referenceDefinition, 563: .referenceDefinition, 564: .referenceDefinition, 565: .referenceDefinition,
        566: .referenceDefinition, 567: .referenceDefinition, 568: .referenceDefinition, 569: .referenceDefinition,
        570: .referenceDefinition, 571: .referenceDefinition, 573: .referenceDefinition, 576: .referenceDefinition,
        577: .referenceDefinition, 582: .referenceDefinition, 583: .referenceDefinition, 584: .referenceDefinition,
        585: .referenceDefinition, 586: .referenceDefinition, 587: .referenceDefinition, 588: .referenceDefinition,
        589: .referenceDefinition, 591: .referenceDefinition, 592: .referenceDefinition, 593: .referenceDefinition,
        613: .rawHTML, 614: .rawHTML, 615: .rawHTML, 616: .rawHTML, 617: .rawHTML, 623: .rawHTML, 625: .rawHTML,
        626: .rawHTML, 627: .rawHTML, 628: .rawHTML, 629: .rawHTML, 630: .rawHTML, 631: .rawHTML, 642: .rawHTML,
        643: .rawHTML,
    ]

    /// GFM extension examples, by number.
    static let gfm: [Int: Reason] = [
        653: .rawHTML
    ]

    /// The reason `example` is expected to fail, or `nil` when it must pass.
    static func reason(for example: SpecExample) -> Reason? {
        example.gfm ? gfm[example.example] : commonMark[example.example]
    }
}
