import ChatWire
import Foundation
import Testing

/// Reads a request body back as a JSON object, for checks that do not depend on key order.
enum JSONBody {
    static func object(_ request: ChatHTTPRequest) throws -> [String: Any] {
        let body = try #require(request.body)
        return try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
    }

    static func messages(_ request: ChatHTTPRequest) throws -> [[String: String]] {
        try #require(try object(request)["messages"] as? [[String: String]])
    }
}
