import FlyingFox
import Foundation

extension DemoRequestHandler {
    /// `POST /v1/chat/completions` in relay mode: a streaming request becomes a generation fed by the upstream, so
    /// its events get this server's ids and resumes; a non-streaming one gets the upstream's collected completion.
    /// An upstream that refuses is answered for with its own error.
    /// - Parameters:
    ///   - upstream: Where to send the request.
    ///   - body: The client's request body.
    ///   - streaming: Whether the client asked for a stream.
    /// - Returns: The response.
    func relay(to upstream: any DemoUpstream, body: Data, streaming: Bool) async -> HTTPResponse {
        guard streaming else {
            do {
                return DemoResponses.json(200, try await upstream.complete(body: body))
            } catch {
                return DemoResponses.upstreamFailure(error)
            }
        }
        return await relayStream(to: upstream, body: body, kind: .openAI) { event in
            switch event {
            case .opened: []
            case .event(let data, let type): [ReplyEvents.Event(data: data, type: type)]
            }
        }
    }

    /// `GET /chat?q=…` in relay mode: the prompt asked of `model` (the upstream's first listed model when `nil`),
    /// its reply streamed as plain events (`PlainRelayTranslator`).
    /// - Parameters:
    ///   - upstream: Where to send the request.
    ///   - prompt: The `q` parameter.
    ///   - model: The `model` parameter, if any.
    /// - Returns: The response.
    func relayPlain(to upstream: any DemoUpstream, prompt: String, model: String?) async -> HTTPResponse {
        var model = model
        if model == nil {
            do {
                model = PlainRelayTranslator.firstModel(in: try await upstream.models())
            } catch {
                return DemoResponses.upstreamFailure(error)
            }
        }
        guard let model else {
            return DemoResponses.error(502, "The upstream lists no model: add &model=NAME.", code: "upstream_error")
        }
        let translator = PlainRelayTranslator(model: model)
        return await relayStream(to: upstream, body: translator.requestBody(prompt: prompt), kind: .plain) {
            translator.translate($0)
        }
    }

    /// Starts a generation fed by the upstream's reply to `body`, each step turned into events by `translate`, and
    /// streams it from the start once the upstream accepted.
    private func relayStream(
        to upstream: any DemoUpstream,
        body: Data,
        kind: Generation.Kind,
        translate: @escaping @Sendable (DemoUpstreamEvent) -> [ReplyEvents.Event]
    ) async -> HTTPResponse {
        let generation = Generation(id: DemoEventID.newGenerationID(), kind: kind)
        let writer = EventWriter(generationID: generation.id, encoder: settings.encoder)
        let opening = OneShot<Result<Void, DemoUpstreamFailure>>()
        let started = store.start(generation) { generation in
            await Self.relay(
                upstream,
                body: body,
                into: generation,
                writer: writer,
                opening: opening,
                translate: translate
            )
        }
        guard started else { return DemoResponses.error(503, "The server is stopping.") }
        if case .failure(let failure) = await opening.wait() {
            store.expire(generation.id)
            return DemoResponses.upstreamFailure(failure)
        }
        configuration.log?("relayed reply \(generation.id) started")
        return stream(generation, from: 0)
    }

    /// Feeds the upstream's reply into `generation`; resolves `opening` once the upstream accepted, or with the
    /// failure to answer with.
    private static func relay(
        _ upstream: any DemoUpstream,
        body: Data,
        into generation: Generation,
        writer: EventWriter,
        opening: OneShot<Result<Void, DemoUpstreamFailure>>,
        translate: (DemoUpstreamEvent) -> [ReplyEvents.Event]
    ) async {
        var writer = writer
        do {
            try await upstream.stream(body: body) { event in
                if event == .opened { opening.resolve(.success(())) }
                var batch = EventBatch()
                for event in translate(event) { writer.append(data: event.data, event: event.type, to: &batch) }
                generation.append(batch)
            }
        } catch {
            opening.resolve(.failure(error))
        }
        opening.resolve(.failure(DemoUpstreamFailure(status: 502, message: "The upstream closed without answering.")))
    }
}
