import Foundation

/// The full (slow, general) decoding of one chunk's JSON with Foundation, for the shapes the fast paths leave.
enum ChunkJSON {
    /// Decodes `data` as `T`.
    ///
    /// Lone surrogate escapes, which Foundation refuses, are repaired to U+FFFD first (see `LoneSurrogateRepair`).
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - data: The chunk's JSON text.
    /// - Returns: The decoded value.
    /// - Throws: `ChatWireError.malformedChunk` with a short preview and what was wrong.
    static func decode<T: Decodable>(_ type: T.Type, from data: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(data.utf8))
        } catch let error as DecodingError {
            if case .dataCorrupted = error, let repaired = LoneSurrogateRepair.repair(data),
                let value = try? JSONDecoder().decode(T.self, from: Data(repaired.utf8))
            {
                return value
            }
            throw ChatWireError.malformedChunk(data, reason: reason(for: error))
        } catch {
            throw ChatWireError.malformedChunk(data)
        }
    }

    /// A short description of a decoding error, naming the JSON path when there is one.
    private static func reason(for error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "bad value at \(path(context.codingPath))"
        case .typeMismatch(_, let context):
            return context.codingPath.isEmpty
                ? "not a JSON object" : "unexpected type at \(path(context.codingPath))"
        case .valueNotFound(_, let context):
            return "missing value at \(path(context.codingPath))"
        case .keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        @unknown default:
            return "not valid JSON"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text.isEmpty ? "top level" : text
    }
}
