import Testing

@testable import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("ColorMode, TerminalSize, TerminalStyle")
struct TerminalSettingsTests {
    @Test(
        "colour resolution",
        arguments: [
            (ColorMode.auto, true, nil, nil, true), (.auto, false, nil, nil, false), (.auto, true, "1", nil, false),
            (.auto, true, "", nil, true), (.auto, true, nil, "dumb", false), (.always, false, "1", "dumb", true),
            (.never, true, nil, nil, false),
        ] as [(ColorMode, Bool, String?, String?, Bool)]
    )
    func colour(mode: ColorMode, isTerminal: Bool, noColor: String?, term: String?, expected: Bool) {
        #expect(mode.isEnabled(isTerminal: isTerminal, noColor: noColor, term: term) == expected)
    }

    @Test("colour modes parse from their flag values")
    func parse() {
        #expect(ColorMode(rawValue: "auto") == .auto)
        #expect(ColorMode(rawValue: "always") == .always)
        #expect(ColorMode(rawValue: "never") == .never)
        #expect(ColorMode(rawValue: "sometimes") == nil)
    }

    @Test(
        "size resolution",
        arguments: [
            (Int?(120), Int?(40), String?("99"), String?("9"), TerminalSize(columns: 120, rows: 40)),
            (nil, nil, "99", "30", TerminalSize(columns: 99, rows: 30)),
            (0, 0, "100", nil, TerminalSize(columns: 100, rows: 24)),
            (nil, nil, "abc", "-5", TerminalSize(columns: 80, rows: 24)),
            (nil, nil, "", "", TerminalSize(columns: 80, rows: 24)),
            (nil, nil, nil, nil, TerminalSize(columns: 80, rows: 24)),
        ]
    )
    func size(columns: Int?, rows: Int?, columnsVariable: String?, linesVariable: String?, expected: TerminalSize) {
        let size = TerminalSize.resolve(
            windowColumns: columns,
            windowRows: rows,
            columnsVariable: columnsVariable,
            linesVariable: linesVariable
        )
        #expect(size == expected)
    }

    @Test("the size of a descriptor that is not a terminal falls back to a positive size")
    func currentOnAPipe() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer {
            close(fds[0])
            close(fds[1])
        }
        let size = TerminalSize.current(fd: fds[1])
        #expect(size.columns > 0 && size.rows > 0)
    }

    @Test("styles wrap sanitised text, and write nothing extra without colour")
    func styles() {
        #expect(TerminalStyle.error.apply("bad\u{1B}[2J", color: true) == "\u{1B}[1;31mbad\u{1B}[22;39m")
        #expect(TerminalStyle.error.apply("bad\u{1B}[2J", color: false) == "bad")
        #expect(TerminalStyle.status.line("retrying\nin 2 s\u{07}", color: false) == "retrying in 2 s\n")
        #expect(TerminalStyle.dim.line("x", color: true) == "\u{1B}[2mx\u{1B}[22m\n")
    }
}
