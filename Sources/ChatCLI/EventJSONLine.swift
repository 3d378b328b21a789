import ChatWire
import SSE

/// Encodes a dispatched event as the one-line JSON object `ssechat events` prints:
/// `{"type":"message","data":"…","id":"…"}` (keys in that order, UTF-8, control characters escaped).
package enum EventJSONLine {
    /// The JSON line for `event`, ending in a newline.
    package static func encode(_ event: ServerSentEvent) -> [UInt8] {
        let id = event.lastEventID  // a String made on each reading
        var out: [UInt8] = []
        out.reserveCapacity(event.data.utf8.count + event.type.utf8.count + id.utf8.count + 32)
        out.append(contentsOf: #"{"type":"#.utf8)
        JSONString.append(event.type, to: &out)
        out.append(contentsOf: #","data":"#.utf8)
        JSONString.append(event.data, to: &out)
        out.append(contentsOf: #","id":"#.utf8)
        JSONString.append(id, to: &out)
        out.append(contentsOf: "}\n".utf8)
        return out
    }
}
