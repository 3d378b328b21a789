import Testing

@testable import TerminalUI

@Suite("Spinner")
struct SpinnerTests {
    @Test("frames redraw the line and cycle")
    func frames() {
        var spinner = Spinner(label: "thinking…", frames: ["a", "b"])
        #expect(String(decoding: spinner.nextFrame(), as: UTF8.self) == "\r\u{1B}[2Ka thinking…")
        #expect(String(decoding: spinner.nextFrame(), as: UTF8.self) == "\r\u{1B}[2Kb thinking…")
        #expect(String(decoding: spinner.nextFrame(), as: UTF8.self) == "\r\u{1B}[2Ka thinking…")
    }

    @Test("erase is CR and erase-line")
    func erase() {
        #expect(Spinner.erase == [0x0D, 0x1B, 0x5B, 0x32, 0x4B])
    }

    @Test("colour dims the indicator; a hostile label is sanitised")
    func colourAndLabel() {
        var spinner = Spinner(label: "x\u{1B}]0;pwn\u{07}y\nz", frames: ["*"], color: true)
        #expect(spinner.label == "xy z")
        #expect(String(decoding: spinner.nextFrame(), as: UTF8.self) == "\r\u{1B}[2K\u{1B}[2m* xy z\u{1B}[22m")
        spinner.update(label: "status\r")
        #expect(spinner.label == "status")
    }

    @Test("the label is cut so the line never wraps")
    func fitsWidth() {
        var spinner = Spinner(label: "日本語のラベルはとても長い", frames: ["*"])
        let frame = String(decoding: spinner.nextFrame(width: 12), as: UTF8.self)
        #expect(frame == "\r\u{1B}[2K* 日本語の")
        #expect(DisplayWidth.of(Screen.stripSGR(frame)) < 12)
    }
}
