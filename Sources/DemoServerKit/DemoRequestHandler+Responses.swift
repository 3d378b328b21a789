import ChatWire
import FlyingFox
import Foundation

extension DemoRequestHandler {
    /// Where the paths of single responses start: `/v1/responses/{id}` and `/v1/responses/{id}/cancel`.
    static let responsesPrefix = "/v1/responses/"

    /// `POST /v1/responses`: the demo model in the Responses format. Streamed with `stream: true` (kept and
    /// resumable with `background: true`), else the whole response object at once.
    func responses(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body = try await request.bodyData
        let parsed: ResponsesRequestBody
        do {
            parsed = try ResponsesRequestBody.decode(body)
        } catch {
            return DemoResponses.badRequest(error)
        }
        if configuration.upstream != nil {
            return DemoResponses.error(501, "Relay mode serves /v1/chat/completions and /chat, not /v1/responses.")
        }
        let reply = DemoReply(
            prompt: parsed.prompt,
            promptText: parsed.allText,
            replyTokens: configuration.replyTokens,
            maxTokens: parsed.maxOutputTokens
        )
        let generationID = DemoEventID.newGenerationID()
        let background = parsed.background == true
        let text = ResponsesEventText(
            generationID: generationID,
            created: Int(Date().timeIntervalSince1970),
            model: configuration.modelName,
            background: background
        )
        guard parsed.stream == true else {
            let cut = reply.finishReason == "length"
            let body = text.response(
                status: cut ? "incomplete" : "completed",
                text: reply.text,
                usage: ChatUsage(promptTokens: reply.promptTokens, completionTokens: reply.length),
                incompleteReason: cut ? "max_output_tokens" : nil
            )
            return DemoResponses.json(200, body)
        }
        let generation = Generation(id: generationID, kind: .responses, isBackground: background)
        return startDemo(.responses(reply, text: text), generation: generation)
    }

    /// `GET /v1/responses/{id}?stream=true&starting_after=N`: a background reply's events after sequence number
    /// `N` (all of them without it).
    func streamAgain(_ responseID: String, request: HTTPRequest) -> HTTPResponse {
        let generation: Generation
        switch backgroundGeneration(responseID) {
        case .success(let found): generation = found
        case .failure(let refusal): return refusal.response
        }
        guard request.query["stream"] == "true" else {
            return DemoResponses.error(400, "This server streams responses only: add ?stream=true.", code: "stream")
        }
        var start = 0
        if let after = request.query["starting_after"] {
            guard let number = Int(after), number >= 0, !after.hasPrefix("+") else {
                return DemoResponses.error(400, "'starting_after' must be a sequence number.", code: "starting_after")
            }
            guard number < generation.eventCount else {
                return DemoResponses.error(
                    400,
                    "'starting_after' \(number) is past the last event of \(responseID).",
                    code: "starting_after"
                )
            }
            start = number + 1
        }
        if generation.isFinished, start >= generation.eventCount {
            return HTTPResponse(statusCode: .noContent)
        }
        configuration.log?("reply \(generation.id) streamed again from event \(start)")
        return stream(generation, from: start)
    }

    /// `POST /v1/responses/{id}/cancel`: stops a background reply; its readers get the end of the stream.
    func cancelResponse(_ responseID: String) -> HTTPResponse {
        switch backgroundGeneration(responseID) {
        case .failure(let refusal):
            return refusal.response
        case .success(let generation):
            generation.cancel()
            configuration.log?("reply \(generation.id) cancelled")
            let text = ResponsesEventText(
                generationID: generation.id,
                created: Int(Date().timeIntervalSince1970),
                model: configuration.modelName,
                background: true
            )
            return DemoResponses.json(200, text.response(status: "cancelled"))
        }
    }

    /// Why a response id names no background reply of this server.
    struct ResponseRefusal: Error {
        var response: HTTPResponse
    }

    private func backgroundGeneration(_ responseID: String) -> Result<Generation, ResponseRefusal> {
        let unknown = ResponseRefusal(
            response: DemoResponses.error(404, "No response with id '\(responseID.prefix(80))'.", code: "not_found")
        )
        guard responseID.hasPrefix("resp_"), !responseID.contains("/") else { return .failure(unknown) }
        switch store.lookup(String(responseID.dropFirst("resp_".count))) {
        case .unknown:
            return .failure(unknown)
        case .expired:
            return .failure(
                ResponseRefusal(
                    response: DemoResponses.error(404, "Response '\(responseID)' is no longer kept.", code: "expired")
                )
            )
        case .live(let generation):
            guard generation.kind == .responses, generation.isBackground else {
                return .failure(
                    ResponseRefusal(
                        response: DemoResponses.error(
                            400,
                            "Response '\(responseID)' was not created with background: true; only background "
                                + "responses can be streamed again or cancelled.",
                            code: "not_background"
                        )
                    )
                )
            }
            return .success(generation)
        }
    }
}
