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
        let generation = Generation(id: DemoEventID.newGenerationID(), kind: .openAI)
        let writer = EventWriter(generationID: generation.id, encoder: settings.encoder)
        let opening = OneShot<Result<Void, DemoUpstreamFailure>>()
        let started = store.start(generation) { generation in
            await Self.relay(upstream, body: body, into: generation, writer: writer, opening: opening)
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
        opening: OneShot<Result<Void, DemoUpstreamFailure>>
    ) async {
        var writer = writer
        do {
            try await upstream.stream(body: body) { event in
                switch event {
                case .opened:
                    opening.resolve(.success(()))
                case .event(let data, let type):
                    var batch = EventBatch()
                    writer.append(data: data, event: type, to: &batch)
                    generation.append(batch)
                }
            }
        } catch {
            opening.resolve(.failure(error))
        }
        opening.resolve(.failure(DemoUpstreamFailure(status: 502, message: "The upstream closed without answering.")))
    }
}
