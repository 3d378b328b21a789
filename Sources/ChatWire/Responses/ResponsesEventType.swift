/// The event types of an OpenAI Responses stream that ssechat reads; every other type is ignored.
///
/// The same names serve the built-in server, which writes them.
package enum ResponsesEventType {
    /// The response object was created (status `in_progress`, or `queued` in the background).
    package static let created = "response.created"
    /// The response is waiting for a worker (background replies).
    package static let queued = "response.queued"
    /// The model started generating.
    package static let inProgress = "response.in_progress"
    /// A piece of the answer text: the hot event.
    package static let textDelta = "response.output_text.delta"
    /// A piece of a reasoning summary, shown as reasoning.
    package static let reasoningSummaryDelta = "response.reasoning_summary_text.delta"
    /// The end marker: the response is complete, with its usage.
    package static let completed = "response.completed"
    /// The response stopped short (`incomplete_details.reason`).
    package static let incomplete = "response.incomplete"
    /// The response failed (`response.error`).
    package static let failed = "response.failed"
    /// An error in the stream (`code`, `message`).
    package static let error = "error"
}
