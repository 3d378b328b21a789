/// Replies of the kind LLMs write, for the Markdown rendering tests.
enum MarkdownFixtures {
    static let all: [(name: String, text: String)] = [
        ("explanation", explanation), ("table", table), ("code", code), ("mixed", mixed), ("thinking", thinking),
    ]

    static let explanation = """
        # How streaming works

        A server sends **Server-Sent Events**: each `data:` line carries a *token*, and the client writes it \
        the moment it arrives. See [the spec](https://html.spec.whatwg.org/multipage/server-sent-events.html) \
        for details; snake_case_name stays plain.

        ## Steps

        1. Open the connection:
           ```bash
           curl -N http://127.0.0.1:8080/chat?q=hi
           ```
        2. Read each event, and **resume** with `Last-Event-ID` after a drop.
           - nested bullet with a long enough line to wrap at narrow widths, twice over at least
           - another one
        3. Close when the `end` event arrives.

        > **Note:** a proxy may buffer the stream; disable it.
        > A second quoted line.

        That's it — 你好，世界 🦊!
        """

    static let table = """
        Here is a comparison:

        | Client | Resumes | Notes |
        |:-------|:-------:|------:|
        | ssechat | ✅ | `Last-Event-ID` |
        | 浏览器 EventSource | ✅ | 自动重连 |
        | curl | ❌ | needs a script around it, and a lot of patience |

        Tables are laid out once complete.
        """

    static let code = """
        Two versions:

        ```python
        def greet(name: str) -> str:
            \"\"\"Say hello.\"\"\"
            return f"Hello, {name}!"  # a comment with a "quote"
        ```

        and in Swift, with a line far longer than a narrow terminal is wide:

        ```swift
        let greeting = names.map { "Hello, \\($0)!" }.joined(separator: ", ") // long, long, long, long comment
        \tprint(greeting)
        ```

            indented code
            keeps its spaces

        Done.
        """

    static let mixed = """
        ### Checklist

        - [x] parser
        - [ ] renderer with ~~bugs~~ *fewer* bugs
        - plain item &amp; an entity &copy; \\*not emphasis\\*

        ---

        Text with <https://example.com> and a hard break  
        on the next row, and `code with **stars**` inside.

        Setext heading
        ==============

        ***Both*** at once, and an unclosed **opener that never closes.

        Last paragraph.
        """

    static let thinking = """
        <think>
        The user wants a list. I will give **two** items.
        </think>

        - one
        - two
        """
}
