import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// hello-networking: the startup baseline of issue 5, item 5 — a hello-world Swift binary that loads
// FoundationNetworking (and Foundation, which it needs), touches one of its types and exits. ssechat's startup is
// compared with this: it is the least any Swift client on URLSession can cost.

let request = URLRequest(url: URL(fileURLWithPath: "/"))
print("hello, \(request.httpMethod ?? "GET")")
