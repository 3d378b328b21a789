import ChatWire
import FlyingFox
import Foundation

extension DemoRequestHandler {
    /// `POST /v1/chat/completions` (and a `GET` resume).
    func completions(_ request: HTTPRequest) async throws -> HTTPResponse {
        if let lastEventID = Self.lastEventID(of: request) { return resume(lastEventID, kind: .openAI) }
        guard request.method == .POST else {
            return DemoResponses.error(405, "GET on /v1/chat/completions only resumes a reply: send Last-Event-ID.")
        }
        let chat: ChatCompletionRequest
        let body = try await request.bodyData
        do {
            chat = try ChatCompletionRequest.decode(body)
        } catch {
            return DemoResponses.badRequest(error)
        }
        if let upstream = configuration.upstream {
            return await relay(to: upstream, body: body, streaming: chat.stream == true)
        }
        let reply = DemoReply(
            prompt: chat.prompt,
            promptText: chat.allText,
            replyTokens: configuration.replyTokens,
            maxTokens: chat.tokenLimit
        )
        let generationID = DemoEventID.newGenerationID()
        let wire = OpenAIResponseText(
            completionID: "chatcmpl-\(generationID)",
            created: Int(Date().timeIntervalSince1970),
            model: configuration.modelName
        )
        guard chat.stream == true else {
            let body = wire.completion(
                content: reply.text,
                finishReason: reply.finishReason,
                usage: ChatUsage(promptTokens: reply.promptTokens, completionTokens: reply.length)
            )
            return DemoResponses.json(200, body)
        }
        let events = ReplyEvents.openAI(reply, wire: wire, includeUsage: chat.streamOptions?.includeUsage == true)
        return startDemo(events, generation: Generation(id: generationID, kind: .openAI))
    }

    /// `GET /chat?q=PROMPT[&model=NAME]` (`model` matters only in relay mode).
    func plainChat(_ request: HTTPRequest) async -> HTTPResponse {
        if let lastEventID = Self.lastEventID(of: request) { return resume(lastEventID, kind: .plain) }
        guard let prompt = request.query["q"] ?? request.query["prompt"] else {
            return DemoResponses.error(400, "Missing query parameter 'q': GET /chat?q=your+prompt")
        }
        if let upstream = configuration.upstream {
            let model = request.query["model"].flatMap { $0.isEmpty ? nil : $0 }
            return await relayPlain(to: upstream, prompt: prompt, model: model)
        }
        let reply = DemoReply(prompt: prompt, replyTokens: configuration.replyTokens, maxTokens: nil)
        let generation = Generation(id: DemoEventID.newGenerationID(), kind: .plain)
        return startDemo(.plain(reply), generation: generation)
    }

    /// Starts the demo model on a new generation and streams it from the start.
    func startDemo(_ events: ReplyEvents, generation: Generation) -> HTTPResponse {
        let producer = DemoProducer(tokensPerSecond: configuration.tokensPerSecond, clock: configuration.clock)
        let writer = EventWriter(generationID: generation.id, encoder: settings.encoder, numbering: events.numbering)
        let log = configuration.log
        let started = store.start(generation) { generation in
            await producer.run(events, into: generation, writer: writer)
            if !Task.isCancelled { log?("reply \(generation.id) produced all \(events.tokenCount) tokens") }
        }
        guard started else { return DemoResponses.error(503, "The server is stopping.") }
        configuration.log?("reply \(generation.id) started (\(events.tokenCount) tokens)")
        return stream(generation, from: 0)
    }

    /// Resumes a reply after `lastEventID`, or explains why it cannot.
    func resume(_ lastEventID: String, kind: Generation.Kind) -> HTTPResponse {
        guard let id = DemoEventID(parsing: lastEventID) else {
            return DemoResponses.error(
                404,
                "Last-Event-ID '\(lastEventID.prefix(80))' is not an event id of this server.",
                code: "unknown_event_id"
            )
        }
        switch store.lookup(id.generation) {
        case .unknown:
            return DemoResponses.error(
                404,
                "Unknown Last-Event-ID '\(id)': this server has no such reply. Send the request again without it.",
                code: "unknown_event_id"
            )
        case .expired:
            return DemoResponses.error(
                410,
                "Expired Last-Event-ID '\(id)': the reply is no longer kept. Send the request again without it.",
                code: "expired_event_id"
            )
        case .live(let generation):
            guard generation.kind == kind else {
                return DemoResponses.error(
                    400,
                    "Last-Event-ID '\(id)' belongs to \(generation.kind.rawValue); resume it there.",
                    code: "wrong_endpoint"
                )
            }
            guard id.sequence < generation.eventCount else {
                return DemoResponses.error(
                    404,
                    "Unknown Last-Event-ID '\(id)': reply \(id.generation) has not sent that event.",
                    code: "unknown_event_id"
                )
            }
            if generation.isFinished, id.sequence + 1 >= generation.eventCount {
                // Nothing after it will ever come: 204 tells an EventSource to stop reconnecting.
                return HTTPResponse(statusCode: .noContent)
            }
            configuration.log?("reply \(generation.id) resumed after event \(id.sequence)")
            return stream(generation, from: id.sequence + 1)
        }
    }

    /// Streams a generation's events from `index` on.
    func stream(_ generation: Generation, from index: Int) -> HTTPResponse {
        let body = EventStreamBody(
            generation: generation,
            startIndex: index,
            settings: settings,
            connection: nextConnection()
        )
        return DemoResponses.eventStream(body)
    }
}
