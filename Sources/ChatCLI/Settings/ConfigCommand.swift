import ArgumentParser

/// `ssechat config show|path|init`: the settings, where each came from, and the config file.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the resolved settings and their sources, or find or create the config file.",
        discussion: """
            The config file is --config FILE, else SSECHAT_CONFIG, else $XDG_CONFIG_HOME/ssechat/config.toml \
            (~/.config/ssechat/config.toml). For each value: flag > environment > the selected profile > \
            [defaults] > built-in.
            """,
        subcommands: [ConfigShowCommand.self, ConfigPathCommand.self, ConfigInitCommand.self]
    )
}
