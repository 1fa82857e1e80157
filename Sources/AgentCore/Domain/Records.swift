import Foundation

public struct Plan: Sendable, Equatable {
    public var name: String
    public var mbps: Int
    public var monthlyPrice: Double
    public var description: String
}

public struct Zone: Sendable, Equatable {
    public var name: String
    public var hasCoverage: Bool
    public var notes: String
    public var center: GeoPoint?
    public var radiusKm: Double?
    /// Other names people use for it (the Zonas tab's Alias column, comma-separated).
    public var aliases: [String] = []
}

public struct GeoPoint: Sendable, Equatable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in kilometres.
    public func distanceKm(to other: GeoPoint) -> Double {
        let r = 6371.0
        let dLat = (other.latitude - latitude) * .pi / 180
        let dLon = (other.longitude - longitude) * .pi / 180
        let a = sin(dLat / 2) * sin(dLat / 2)
            + cos(latitude * .pi / 180) * cos(other.latitude * .pi / 180) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, sqrt(a)))
    }
}

public enum ClientStatus: Sendable, Equatable {
    case pendingInstallation, active, suspended, cancelled, other(String)

    public init(cell: String) {
        switch Text.fold(cell) {
        case "pendiente de instalacion", "pendiente", "por instalar": self = .pendingInstallation
        case "activo", "activa": self = .active
        case "suspendido", "suspendida": self = .suspended
        case "baja", "cancelado", "cancelada": self = .cancelled
        default: self = .other(cell)
        }
    }

    public var sheetLabel: String {
        switch self {
        case .pendingInstallation: "pendiente de instalación"
        case .active: "activo"
        case .suspended: "suspendido"
        case .cancelled: "baja"
        case .other(let s): s
        }
    }
}

public struct Client: Sendable, Equatable {
    public var id: String
    public var name: String
    public var phone: String
    public var channel: Channel?
    public var chatID: String
    public var zone: String
    public var planMbps: Int?
    public var price: Double?
    public var status: ClientStatus
    public var since: String
    public var notes: String
}

public enum IncidentStatus: Sendable, Equatable {
    case open, inProgress, resolved, other(String)

    public init(cell: String) {
        switch Text.fold(cell) {
        case "abierto", "abierta", "nuevo", "": self = .open
        case "en proceso", "en progreso", "asignado", "en camino": self = .inProgress
        case "resuelto", "resuelta", "cerrado", "cerrada", "solucionado": self = .resolved
        default: self = .other(cell)
        }
    }

    public var sheetLabel: String {
        switch self {
        case .open: "abierto"
        case .inProgress: "en proceso"
        case .resolved: "resuelto"
        case .other(let s): s
        }
    }

    public var isOpen: Bool {
        switch self {
        case .open, .inProgress: true
        case .resolved: false
        case .other: false
        }
    }
}

public enum Priority: String, Sendable, Codable, CaseIterable, Equatable {
    case alta, media, baja

    public init?(cell: String) {
        self.init(rawValue: Text.fold(cell))
    }
}

public struct Incident: Sendable, Equatable {
    public var folio: String
    public var date: String
    public var openedAt: Date?
    public var clientID: String
    public var name: String
    public var channel: Channel?
    public var chatID: String
    public var zone: String
    public var description: String
    public var since: String
    public var modemRestarted: String
    public var priority: Priority?
    public var status: IncidentStatus
    public var updated: String
}

public struct Prospect: Sendable, Equatable {
    public var id: String
    public var date: String
    public var name: String
    public var phone: String
    public var channel: Channel?
    public var chatID: String
    public var zone: String
    public var planMbps: Int?
    public var reason: String
}

/// Lenient number parsing for cells typed by people: "$1,350.00", "50 Mbps", "450".
enum Cell {
    static func number(_ cell: String) -> Double? {
        var digits = ""
        var seenDigit = false
        for ch in cell {
            if ch.isASCII, ch.isNumber { digits.append(ch); seenDigit = true }
            else if ch == "." || (ch == "-" && !seenDigit && digits.isEmpty) { digits.append(ch) }
            else if ch == "," { continue }
            else if seenDigit { break }
        }
        return Double(digits)
    }

    static func int(_ cell: String) -> Int? {
        number(cell).map { Int($0.rounded()) }
    }

    static func yes(_ cell: String) -> Bool {
        ["si", "s", "yes", "true", "1", "x", "con cobertura"].contains(Text.fold(cell))
    }
}
