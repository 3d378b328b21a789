/// One event of a Responses stream, as much of it as ssechat reads (the full, Foundation-decoded form).
///
/// ```
///  {"type":"response.output_text.delta","item_id":"msg_…","output_index":0,"content_index":0,"delta":"Hi",
///   "sequence_number":4}
///  {"type":"response.completed","response":{…},"sequence_number":9}
///  {"type":"error","code":"rate_limit_exceeded","message":"…","param":null,"sequence_number":3}
/// ```
struct ResponsesStreamEvent: Decodable {
    var type: String?
    var sequenceNumber: Int?
    var delta: String?
    var response: ResponsesObject?

    enum CodingKeys: String, CodingKey {
        case type, delta, response
        case sequenceNumber = "sequence_number"
    }
}
