import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// A request that got no answer, told apart the way async-http-client and NIO report it, so
/// a client knows whether the request can have reached the server (which matters for writes).
public struct TransportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The connection was never made (refused, connect timeout, name not found): the server
        /// cannot have seen the request, so even a write can be sent again.
        case notConnected
        /// Connected, then no (complete) answer in time: the server may have applied it.
        case timedOut
        /// The connection broke while waiting: the server may have applied it.
        case broken
        /// The body could not be encoded: nothing was sent.
        case unencodable
    }

    public var kind: Kind
    /// What happened, in the library's words (never a URL: they may hold tokens).
    public var reason: String

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public init(_ error: any Error) {
        self.init(Self.kind(of: error), "\(error)")
    }

    /// Certainly not applied by the server.
    public var neverSent: Bool { kind == .notConnected || kind == .unencodable }

    public var description: String { reason }

    static func kind(of error: any Error) -> Kind {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout, .tlsHandshakeTimeout:
                return .notConnected
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timedOut
            default:
                return .broken
            }
        }
        if error is NIOConnectionError { return .notConnected }
        if let error = error as? IOError, [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(error.errnoCode) {
            return .notConnected
        }
        if case .connectTimeout? = error as? ChannelError { return .notConnected }
        return .broken
    }
}
