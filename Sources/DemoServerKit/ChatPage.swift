import Foundation

/// The chat page `GET /` serves: one HTML document with its CSS and plain JavaScript inline, no external resources
/// and no build step.
///
/// The page asks with the browser's `EventSource` on `GET /chat?q=…[&model=…]` and follows the plain stream:
///
/// ```
///  event          page
///  ─────────────  ───────────────────────────────────────────────────────────────
///  open           "streaming"; after a dropped connection: "resumed", count + 1
///  thinking       the thinking indicator shows the event's text until the first token
///  message        the token is appended to the reply (textContent, never HTML)
///  error          readyState CONNECTING: "connection dropped, reconnecting…"
///                 readyState CLOSED: the server refused the stream; the turn fails
///  end            close(); the turn is done
///  upstream-error (relay mode) close(); the turn fails with the event's text
/// ```
///
/// Each turn's `<section>` carries `data-state` (`streaming`, `done`, `stopped`, `failed`) and `data-resumes`, and
/// `#errors` collects script errors, so a test can read the outcome from the DOM. A `?q=` in the page's own URL asks
/// at once. The inline script and style run only by the nonce the response's `Content-Security-Policy` names.
enum ChatPage {
    /// The placeholder replaced by each response's nonce.
    static let noncePlaceholder = "{{nonce}}"

    /// The page with `nonce` on its inline script and style.
    /// - Parameter nonce: The response's CSP nonce (base64, no quotes).
    /// - Returns: The HTML text.
    static func html(nonce: String) -> String {
        template.replacingOccurrences(of: noncePlaceholder, with: nonce)
    }

    /// The `Content-Security-Policy` for a page carrying `nonce`: nothing but the page's own inline script and
    /// style, and connections to this server.
    /// - Parameter nonce: The nonce in the page.
    /// - Returns: The header value.
    static func contentSecurityPolicy(nonce: String) -> String {
        [
            "default-src 'none'",
            "script-src 'nonce-\(nonce)'",
            "style-src 'nonce-\(nonce)'",
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    private static let template = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>ssechat</title>
        <style nonce="{{nonce}}">
        :root { color-scheme: light dark; --muted: #777; --line: #8884; --accent: #3b6fd8; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 52rem; padding: 1rem; font: 16px/1.5 system-ui, sans-serif; }
        header { display: flex; gap: .75rem; align-items: baseline; border-bottom: 1px solid var(--line); }
        header h1 { font-size: 1.1rem; margin: .25rem 0; }
        #model { margin-left: auto; }
        #transcript { padding: .5rem 0 7rem; }
        .turn { margin: 1rem 0; }
        .you { font-weight: 600; margin: 0 0 .25rem; white-space: pre-wrap; overflow-wrap: anywhere; }
        .reply { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0;
                 font: 15px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; }
        .thinking { color: var(--muted); font-style: italic; margin: 0; }
        .note { color: var(--muted); font-size: .85rem; margin: .25rem 0 0; }
        .turn[data-state="failed"] .note { color: #c0392b; }
        form { position: fixed; left: 0; right: 0; bottom: 0; padding: .75rem 1rem; background: Canvas;
               border-top: 1px solid var(--line); }
        .row { display: flex; gap: .5rem; max-width: 50rem; margin: 0 auto; }
        #q { flex: 1; padding: .5rem; font: inherit; resize: vertical; min-height: 2.6rem; }
        button { padding: .5rem 1rem; font: inherit; }
        #status { max-width: 50rem; margin: .25rem auto 0; color: var(--muted); font-size: .85rem; min-height: 1.2em; }
        #errors:empty { display: none; }
        #errors { color: #c0392b; white-space: pre-wrap; }
        </style>
        </head>
        <body>
        <header><h1>ssechat</h1><span class="note">streaming over Server-Sent Events</span>
        <select id="model" aria-label="model" hidden></select></header>
        <main id="transcript" aria-live="polite"></main>
        <pre id="errors"></pre>
        <form id="ask" method="get" action="/">
        <div class="row">
        <textarea id="q" name="q" rows="1" placeholder="Ask something…" required></textarea>
        <button id="send" type="submit">Send</button>
        <button id="stop" type="button" disabled>Stop</button>
        </div>
        <div id="status" role="status"></div>
        </form>
        <script nonce="{{nonce}}">
        'use strict';
        (function () {
          const $ = (id) => document.getElementById(id);
          const form = $('ask'), input = $('q'), transcript = $('transcript'), statusLine = $('status');
          const stopButton = $('stop'), modelSelect = $('model'), errors = $('errors');
          let current = null;

          function reportError(text) { errors.textContent += text + '\n'; }
          window.addEventListener('error', (e) => reportError('error: ' + e.message));
          window.addEventListener('unhandledrejection', (e) => reportError('rejection: ' + e.reason));

          function element(tag, className, text) {
            const node = document.createElement(tag);
            node.className = className;
            if (text !== undefined) node.textContent = text;
            return node;
          }

          function setStatus(text) { statusLine.textContent = text; }

          function finish(turn, state, note) {
            if (turn.state !== 'streaming') return;
            turn.source.close();
            turn.state = state;
            turn.section.dataset.state = state;
            turn.thinking.hidden = true;
            if (turn.resumes > 0) note += ' · resumed ' + turn.resumes + '× after a dropped connection';
            turn.note.textContent = note;
            if (current === turn) { current = null; stopButton.disabled = true; }
            setStatus(note);
          }

          function ask(prompt) {
            if (current) finish(current, 'stopped', 'stopped');
            const section = element('section', 'turn');
            section.dataset.state = 'streaming';
            section.dataset.resumes = '0';
            const thinking = element('p', 'thinking', 'thinking…');
            const reply = element('div', 'reply');
            const note = element('p', 'note');
            section.append(element('p', 'you', prompt), thinking, reply, note);
            transcript.append(section);

            // encodeURIComponent, not URLSearchParams: the server reads '+' as itself, not as a space.
            let url = '/chat?q=' + encodeURIComponent(prompt);
            if (modelSelect.value) url += '&model=' + encodeURIComponent(modelSelect.value);
            const source = new EventSource(url);
            const turn = { section, thinking, reply, note, source, state: 'streaming', resumes: 0, dropped: false,
                           tokens: 0 };
            current = turn;
            stopButton.disabled = false;
            setStatus('connecting…');

            source.addEventListener('open', () => {
              if (turn.dropped) {
                turn.dropped = false;
                turn.resumes += 1;
                section.dataset.resumes = String(turn.resumes);
                setStatus('resumed after a dropped connection (' + turn.resumes + '×)');
              } else if (turn.tokens === 0) {
                setStatus('streaming');
              }
            });
            source.addEventListener('thinking', (event) => {
              if (turn.tokens === 0) thinking.textContent = event.data || 'thinking…';
            });
            source.addEventListener('message', (event) => {
              if (turn.tokens === 0) thinking.hidden = true;
              turn.tokens += 1;
              reply.textContent += event.data;
            });
            source.addEventListener('end', () => finish(turn, 'done', 'done'));
            source.addEventListener('upstream-error', (event) => finish(turn, 'failed', event.data));
            source.addEventListener('error', () => {
              if (turn.state !== 'streaming') return;
              if (source.readyState === EventSource.CLOSED) {
                finish(turn, 'failed', 'the server refused the stream (see its log)');
              } else {
                turn.dropped = true;
                setStatus('connection dropped, reconnecting…');
              }
            });
          }

          form.addEventListener('submit', (event) => {
            event.preventDefault();
            const prompt = input.value.trim();
            if (!prompt) return;
            history.replaceState(null, '', '?q=' + encodeURIComponent(prompt));
            input.value = '';
            ask(prompt);
          });
          input.addEventListener('keydown', (event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              form.requestSubmit();
            }
          });
          stopButton.addEventListener('click', () => { if (current) finish(current, 'stopped', 'stopped'); });

          const models = fetch('/v1/models').then((response) => response.ok ? response.json() : null)
            .then((list) => {
              const ids = ((list && list.data) || []).map((model) => String(model.id));
              for (const id of ids) modelSelect.append(new Option(id, id));
              modelSelect.hidden = ids.length < 2;
            }).catch(() => {});

          const initial = new URLSearchParams(location.search).get('q');
          if (initial) models.then(() => ask(initial));
          else input.focus();
        })();
        </script>
        </body>
        </html>

        """#
}
