/// Realistic code blocks, one per language, used by the per-language tests and the split-invariance tests.
///
/// No line here starts with `import Name`: `scripts/check-imports` would take it for an import of this target.
enum Snippets {
    static let swift = #"""
        @preconcurrency import Foundation

        /// Formats a `Price`. // not a second comment
        @MainActor
        struct Price: Sendable {
            let amount = 1_299.50
            var format = "%.2f // not a comment"
            /* block
               comment with "quotes" /* nested */ still comment */
            func render(for locale: String) -> String {
                let hex = 0xFF_FF
                let raw = #"C:\path "quoted""#
                let poem = """
                    multi "line" \(amount)
                    """
                #if DEBUG
                print("\(format) for \(locale)", hex, raw, poem, 1...3)
                #endif
                return String(format: format, amount * 1e-3)
            }
        }
        """#

    static let python = #"""
        from os import path
        from dataclasses import dataclass

        @dataclass
        class Config:
            """Settings.

            A "docstring" with # no comment inside.
            """
            name: str = 'it\'s'  # a comment with "quotes"
            retries: int = 0x1F
            ratio = 1_000.5e-3

            def format(self, for_each=None):
                path = r"C:\new"
                return f"{self.name!r}: {len(path)}" if for_each else b''
        """#

    static let javaScript = #"""
        import { format } from "date-fns";

        // Renders a `Row`; "quotes" here are comment
        export async function render(rows: Row[], limit = 10): Promise<string> {
          const url = 'https://example.com/a//b';
          /* multi-line
             comment */
          const total = rows.reduce((sum, r) => sum + r.price * 1.5e3, 0x10n);
          return `Total: ${format(total, "%d")} for ${rows.length} rows
        second line`;
        }
        """#

    static let rust = #"""
        use std::fmt;

        #[derive(Debug, Clone)]
        pub struct Parser<'a> {
            input: &'a str,
            pos: usize,
        }

        impl<'a> Parser<'a> {
            /// Returns the next `char`.
            pub fn next(&mut self) -> Option<char> {
                let quote = '"';
                let newline = '\n';
                let raw = r#"a "raw" string"#;
                let bytes = b"bytes\x00";
                let big = 1_000_000u64 + 0xFFu64;
                /* outer /* inner */ still comment */
                let text = "multi
        line";
                for r#type in 0..10 { let _ = format!("{}", r#type); }
                self.input[self.pos..].chars().next()
            }
        }
        """#

    static let go = #"""
        package main

        import "fmt"

        // Greet says hi; "quoted" in a comment
        func Greet(name string) (string, error) {
        	const pattern = `raw \n string
        spanning lines`
        	r := 'x'
        	f := 3.14e-2
        	for i := 0; i < 0x10; i++ {
        		fmt.Printf("%s // %d\n", name, i)
        	}
        	return fmt.Sprintf("hi %q", name), nil
        }
        """#

    static let c = #"""
        #include <stdio.h>
        #include "config.h"

        /* Computes the sum.
           "quotes" inside a comment */
        static int sum(const int *values, size_t count) {
            int total = 0; // running total, don't overflow
            for (size_t i = 0; i < count; ++i) total += values[i];
            return total;
        }

        int main(void) {
            const char *format = "%d items // not a comment\n";
            char quote = '\'';
            unsigned long mask = 0xFFFFul;
            double ratio = 1'000.5e+2;
            printf(format, sum(nullptr, 0));
            return 0;
        }
        """#

    static let java = #"""
        package com.example; import java.util.List;

        /** Formats {@code "values"}. */
        @FunctionalInterface
        public interface Formatter {
            String format(List<Integer> values);

            static String join(List<Integer> values) {
                var text = """
                    Values: "%s"
                    """;
                char sep = ',';
                long big = 10_000L;
                for (int v : values) { text += v + sep; }
                return text.formatted(values) + 0.5f;
            }
        }
        """#

    static let shell = #"""
        #!/usr/bin/env bash
        set -euo pipefail
        # Build it: "quoted" words don't end this comment
        for file in ./src/*.swift; do
          echo "Formatting $file # not a comment"
          name='it''s'
          count=${#files[@]}
          swift-format --in-place "$file" 2>&1 | tee -a build.log # trailing comment
        done
        if [ -n "$HOME" ]; then echo 'multi
        line'; fi
        """#

    static let json = #"""
        {
          "name": "ssechat",
          "version": 2,
          "ratio": -1.5e+3,
          // jsonc comment with "quotes"
          "tags": ["cli", "sse"],
          "nested": {"enabled": true, "url": "http://x/*y*/"},
          "empty": null
        }
        """#

    static let yaml = #"""
        # Deployment settings
        name: web
        version: 1.2
        replicas: 3
        debug: false
        image: "nginx:1.25" # pinned
        url: http://example.com/path
        command: ['run', 'it''s']
        base: &defaults
          retries: 5
        prod:
          <<: *defaults
          note: it's fine
        tag: !!str 123
        """#

    static let sql = #"""
        -- Active users; "quotes" don't matter here
        SELECT u.id, u.name AS "Display Name", COUNT(*) AS orders
        FROM users u
        LEFT JOIN orders o ON o.user_id = u.id
        WHERE u.created_at > '2024-01-01' AND u.note <> 'it''s -- not a comment'
          /* multi-line
             comment */
        GROUP BY u.id, u.name
        HAVING count(*) >= 10.5
        ORDER BY orders DESC;
        CREATE TABLE t (id INTEGER PRIMARY KEY, label varchar(20));
        """#

    static let html = #"""
        <!DOCTYPE html>
        <html lang="en">
        <!-- a comment with <b>tags</b>
             over two lines -->
        <body class=main data-x='1'>
          <p>Fish &amp; chips: 3 < 4 and "quotes" are text</p>
          <img src="a.png" alt="a > b"/>
          <![CDATA[ raw <stuff> ]]>
          <script type="module">
            for (let i = 0; i<n; i++) { if (a<b) out = "</div>"; }
          </SCRIPT>
          <style>p > a { color: red }</style>
        </body>
        </html>
        """#

    static let css = #"""
        /* Layout: "quotes" in a comment */
        @media (max-width: 600px) {
          #main > .card:hover { font-size: 1.5em !important; color: #fff; }
        }
        a::after { content: "/* not a comment */"; margin: -4px auto 0; }
        """#

    static let diff = #"""
        diff --git a/x.swift b/x.swift
        index 1234567..89abcde 100644
        --- a/x.swift
        +++ b/x.swift
        @@ -1,4 +1,4 @@ struct X {
         let a = 1
        -let b = 2
        +let b = 3
        --x
        \ No newline at end of file
        """#

    /// Every snippet with its info string, plus blocks that end in the middle of a hold or a string.
    static let all: [(language: String, text: String)] = [
        ("swift", swift), ("python", python), ("ts", javaScript), ("rust", rust), ("go", go), ("cpp", c),
        ("java", java), ("bash", shell), ("json", json), ("yaml", yaml), ("sql", sql), ("html", html),
        ("css", css), ("diff", diff),
        ("swift", "let s = ##\"a\"# \"##"), ("swift", "x /"), ("swift", "#"), ("swift", "/* open"),
        ("rust", "r##"), ("rust", "fn f<'a>() -> 'a"), ("rust", "'x"), ("rust", "br#\"é\"#.len()"),
        ("python", "'''open \"\"\" ''"), ("python", "x = 1."), ("js", "`a ${ `b` } c"), ("sql", "a -"),
        ("html", "a <!-"), ("html", "<"), ("html", "<style>a</st"), ("html", "<script>x</scriptx>"), ("yaml", "key:"),
        ("yaml", "- a: b: c\n  d"), ("diff", "++"),
        ("diff", "-"), ("json", "{\"é\": [1, {\"k\": \"v\"}], \"x\": 2}"), ("c", "/"), ("go", "1.5.3 x.0"),
    ]
}
