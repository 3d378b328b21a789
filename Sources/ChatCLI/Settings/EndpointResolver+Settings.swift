import ChatWire
import Settings

extension EndpointResolver {
    /// A resolver for settings that already went through precedence (`SettingsResolver` consulted the environment,
    /// so it is not consulted again here).
    /// - Parameters:
    ///   - settings: The run's settings.
    ///   - method: `--method`.
    ///   - data: `--data`.
    ///   - demo: `--demo`.
    init(settings: LoadedSettings, method: String?, data: String?, demo: Bool) {
        let resolved = settings.resolved
        self.init(
            flags: Flags(
                url: resolved.url?.value,
                provider: resolved.provider.value,
                model: resolved.model.flatMap { $0.source == .builtIn ? nil : $0.value },
                apiKey: settings.apiKey,
                method: method,
                data: data,
                demo: demo,
                headers: resolved.headers.map(\.value),
                maxTokens: resolved.maxTokens?.value,
                extraBody: resolved.bodyParameters.map(\.value),
                background: resolved.background.value
            ),
            environment: [:]
        )
    }
}
