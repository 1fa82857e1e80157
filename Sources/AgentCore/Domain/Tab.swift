/// The five tabs of the back office, with the Spanish titles and headers staff see.
public enum Tab: String, Sendable, Codable, CaseIterable, Hashable {
    case clients, plans, zones, incidents, prospects

    public var title: String {
        switch self {
        case .clients: "Clientes"
        case .plans: "Planes"
        case .zones: "Zonas"
        case .incidents: "Incidentes"
        case .prospects: "Prospectos"
        }
    }

    /// The columns in the order a new sheet gets them.
    public var columns: [ColumnSpec] {
        switch self {
        case .clients: Col.Client.all
        case .plans: Col.Plan.all
        case .zones: Col.Zone.all
        case .incidents: Col.Incident.all
        case .prospects: Col.Prospect.all
        }
    }

    public var header: [String] { columns.map(\.name) }

    /// The column that holds a row's idempotency key, for tabs the bot appends to.
    public var keyColumn: String? {
        switch self {
        case .clients: Col.Client.id.name
        case .incidents: Col.Incident.folio.name
        case .prospects: Col.Prospect.id.name
        case .plans, .zones: nil
        }
    }

    /// Prefix of the keys the bot gives new rows: C-0031, F-0012, P-0004.
    public var keyPrefix: String? {
        switch self {
        case .clients: "C-"
        case .incidents: "F-"
        case .prospects: "P-"
        case .plans, .zones: nil
        }
    }

    public init?(title: String) {
        let folded = Text.fold(title)
        guard let tab = Tab.allCases.first(where: { Text.fold($0.title) == folded || $0.rawValue == folded })
        else { return nil }
        self = tab
    }

    /// Where notes about a row go when no other column fits.
    public var noteColumn: ColumnSpec? {
        switch self {
        case .clients: Col.Client.notes
        case .incidents: Col.Incident.description
        case .zones: Col.Zone.notes
        case .plans, .prospects: nil
        }
    }
}

/// One column: its header as written in a new sheet, other spellings staff may use, and
/// whether the bot cannot work without it.
public struct ColumnSpec: Sendable, Hashable {
    public let name: String
    public let required: Bool
    public let aliases: [String]

    init(_ name: String, required: Bool = true, aliases: [String] = []) {
        self.name = name
        self.required = required
        self.aliases = aliases
    }

    /// Every folded spelling that identifies this column.
    var foldedNames: [String] { ([name] + aliases).map(Text.fold) }
}

/// Column names, grouped per tab.
public enum Col {
    public enum Client {
        public static let id = ColumnSpec("ID", aliases: ["Cliente ID", "No. cliente", "Número de cliente"])
        public static let name = ColumnSpec("Nombre", aliases: ["Nombre completo", "Cliente"])
        public static let phone = ColumnSpec("Teléfono", aliases: ["Tel", "Celular", "Whatsapp", "Telefono celular"])
        public static let channel = ColumnSpec("Canal")
        public static let chatID = ColumnSpec("Chat ID", aliases: ["ChatID", "Chat"])
        public static let zone = ColumnSpec("Zona", aliases: ["Colonia"])
        public static let plan = ColumnSpec("Plan (Mbps)", aliases: ["Plan", "Mbps", "Velocidad"])
        public static let price = ColumnSpec("Precio", required: false, aliases: ["Precio mensual", "Mensualidad"])
        public static let status = ColumnSpec("Estado", aliases: ["Estatus", "Status"])
        public static let since = ColumnSpec("Fecha de alta", required: false, aliases: ["Alta", "Fecha"])
        public static let notes = ColumnSpec("Notas", required: false, aliases: ["Observaciones", "Comentarios"])
        static let all = [id, name, phone, channel, chatID, zone, plan, price, status, since, notes]
    }

    public enum Plan {
        public static let name = ColumnSpec("Plan", required: false, aliases: ["Nombre"])
        public static let mbps = ColumnSpec("Mbps", aliases: ["Velocidad", "Velocidad (Mbps)"])
        public static let price = ColumnSpec("Precio mensual", aliases: ["Precio", "Mensualidad"])
        public static let description = ColumnSpec("Descripción", required: false, aliases: ["Detalle"])
        static let all = [name, mbps, price, description]
    }

    public enum Zone {
        public static let name = ColumnSpec("Zona", aliases: ["Nombre", "Colonia"])
        public static let coverage = ColumnSpec("Cobertura", aliases: ["Con cobertura", "Hay cobertura"])
        public static let notes = ColumnSpec("Notas", required: false, aliases: ["Observaciones"])
        public static let latitude = ColumnSpec("Latitud", required: false, aliases: ["Lat"])
        public static let longitude = ColumnSpec("Longitud", required: false, aliases: ["Lon", "Lng"])
        public static let radius = ColumnSpec("Radio (km)", required: false, aliases: ["Radio"])
        /// Other names customers use ("Col. Obrera, El Llano"): the bot reads them as this zone.
        public static let aliases = ColumnSpec("Alias", required: false, aliases: ["Aliases", "Otros nombres", "También conocida como"])
        static let all = [name, coverage, notes, latitude, longitude, radius, aliases]
    }

    public enum Incident {
        public static let folio = ColumnSpec("Folio")
        public static let date = ColumnSpec("Fecha")
        public static let clientID = ColumnSpec("Cliente ID", required: false, aliases: ["ID cliente", "Cliente"])
        public static let name = ColumnSpec("Nombre", required: false)
        public static let channel = ColumnSpec("Canal")
        public static let chatID = ColumnSpec("Chat ID", aliases: ["ChatID", "Chat"])
        public static let zone = ColumnSpec("Zona", aliases: ["Colonia"])
        public static let description = ColumnSpec("Descripción", aliases: ["Problema", "Falla"])
        public static let since = ColumnSpec("Desde", required: false)
        public static let modemRestarted = ColumnSpec("Módem reiniciado", required: false, aliases: ["Reinició módem", "Reinicio"])
        public static let priority = ColumnSpec("Prioridad")
        public static let status = ColumnSpec("Estado", aliases: ["Estatus", "Status"])
        public static let updated = ColumnSpec("Actualizado", required: false, aliases: ["Última actualización"])
        /// The customer's 1–5 rating after the repair (made by `sheets init`; staff may add it).
        public static let rating = ColumnSpec("Calificación", required: false, aliases: ["Calificacion", "Evaluación"])
        static let all = [folio, date, clientID, name, channel, chatID, zone, description, since, modemRestarted, priority, status,
                          updated, rating]
    }

    public enum Prospect {
        public static let id = ColumnSpec("ID")
        public static let date = ColumnSpec("Fecha")
        public static let name = ColumnSpec("Nombre", required: false)
        public static let phone = ColumnSpec("Teléfono", required: false, aliases: ["Tel", "Celular"])
        public static let channel = ColumnSpec("Canal")
        public static let chatID = ColumnSpec("Chat ID", aliases: ["ChatID", "Chat"])
        public static let zone = ColumnSpec("Zona", required: false, aliases: ["Colonia"])
        public static let plan = ColumnSpec("Plan (Mbps)", required: false, aliases: ["Plan", "Mbps"])
        public static let reason = ColumnSpec("Motivo", required: false)
        public static let notes = ColumnSpec("Notas", required: false)
        static let all = [id, date, name, phone, channel, chatID, zone, plan, reason, notes]
    }
}
