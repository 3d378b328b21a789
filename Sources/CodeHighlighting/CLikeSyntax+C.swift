extension CLikeSyntax {
    /// C and C++: `"…"`, `'…'`, `L"…"`/`u8"…"` prefixes, `#include`-style directives, `1'000` separators.
    ///
    /// C++ raw strings (`R"(…)"`) are read as ordinary strings.
    static let c = CLikeSyntax {
        $0.keywords = words(
            """
            alignas alignof asm break case catch class co_await co_return co_yield concept const consteval
            constexpr constinit const_cast continue decltype default delete do dynamic_cast else enum explicit
            export extern false final for friend goto if inline mutable namespace new noexcept nullptr NULL
            operator override private protected public register reinterpret_cast requires restrict return sizeof
            static static_assert static_cast struct switch template this thread_local throw true try typedef
            typeid typename union using virtual volatile while
            """
        )
        $0.types = words(
            """
            auto bool char char8_t char16_t char32_t double float int int8_t int16_t int32_t int64_t long ptrdiff_t
            short signed size_t ssize_t uint8_t uint16_t uint32_t uint64_t uintptr_t unsigned void wchar_t _Bool
            """
        )
        $0.lineComment = .doubleSlash
        $0.blockComment = true
        $0.quotes = [ASCII.quote: Quote(), ASCII.apostrophe: Quote()]
        $0.stringPrefixes = words("L u U u8 R LR uR UR u8R")
        $0.hashDirectives = true
        $0.digitSeparator = ASCII.apostrophe
    }
}
