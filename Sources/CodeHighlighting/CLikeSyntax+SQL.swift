extension CLikeSyntax {
    /// SQL: case-insensitive keywords, `--` and `/* */` comments, `'…'` strings (`''` inside), `"…"` names.
    static let sql = CLikeSyntax {
        $0.keywords = words(
            """
            add all alter and any as asc begin between by cascade case check column commit constraint create cross
            current_date current_timestamp database default delete desc distinct drop else end except exists
            explain false foreign from full grant group having if in index inner insert intersect into is join key
            left like limit natural not null offset on or order outer primary references replace returning revoke
            right rollback select set table then to transaction trigger true truncate union unique update using
            values view when where with
            """
        )
        $0.types = words(
            """
            bigint bigserial blob bool boolean bytea char date datetime decimal double float int integer interval
            json jsonb numeric real serial smallint text time timestamp timestamptz tinyint uuid varchar
            """
        )
        $0.caseInsensitive = true
        $0.lineComment = .doubleDash
        $0.blockComment = true
        $0.quotes = [
            ASCII.apostrophe: Quote(escapes: false, multiline: true),
            ASCII.quote: Quote(escapes: false),
            ASCII.backtick: Quote(escapes: false),
        ]
    }
}
