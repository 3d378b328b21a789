/// The commented example `ssechat config init` writes.
package enum ConfigTemplate {
    /// The file's text: every key, commented out, so the file changes nothing until edited.
    package static let text = """
        # ssechat configuration. For each value: flag > environment > the selected profile > [defaults] > built-in.
        # `ssechat config show` lists every setting and where it came from.

        # The profile used when neither -p/--profile nor SSECHAT_PROFILE names one.
        # default_profile = "openai"

        [defaults]
        # color = "auto"            # auto, always, never (NO_COLOR is honoured in auto)
        # markdown = "auto"         # auto, always, never
        # stats = false             # time to first token, tokens, rate… on stderr
        # pace = 400                # smooth bursty streams to this many characters per second
        # timeout = 120             # seconds without a byte before a stream counts as stalled
        # max_reconnects = 5        # drops in a row a reply may be resumed after
        # preconnect = true         # open each connection with an OPTIONS first (no CPU burnt while a reply waits)

        # [profiles.openai]
        # url = "https://api.openai.com/v1"
        # model = "gpt-4o-mini"
        # api_key_env = "OPENAI_API_KEY"          # the variable that holds the key
        # temperature = 0.7
        # max_tokens = 1024

        # [profiles.claude]
        # provider = "anthropic"
        # model = "claude-sonnet-4-5"
        # api_key_cmd = ["pass", "show", "anthropic/api-key"]   # run without a shell; its stdout is the key
        # system_file = "prompts/claude.txt"      # relative to this file's folder

        # [profiles.gemini]
        # provider = "gemini"                     # key from GEMINI_API_KEY (or GOOGLE_API_KEY)
        # model = "gemini-2.5-flash"

        # [profiles.long]
        # provider = "responses"                  # OpenAI's Responses API
        # model = "o3"
        # background = true                       # the server keeps the reply: a dropped stream resumes

        # [profiles.local]
        # url = "http://localhost:11434/v1"       # Ollama's OpenAI-compatible API
        # model = "llama3.2"
        # system = "Answer briefly."
        # headers = { "X-Team" = "docs" }
        # extra_body = { keep_alive = "10m" }      # any other request-body members, sent as JSON

        # A plain key is accepted only while this file is private to you (chmod 600):
        # api_key = "sk-…"

        """
}
