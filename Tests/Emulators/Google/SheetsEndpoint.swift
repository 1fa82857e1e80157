import Foundation

/// `/v4/spreadsheets/...`: auth, quota, the spreadsheet lookup and the methods.
extension EmulatorState {
    mutating func handleSheets(_ request: IncomingRequest, route: SheetsRoute?, clock: ContinuousClock.Instant) -> HTTPAnswer {
        guard let route else { return APIError.noSuchMethod(request.path).answer }
        do throws(APIError) {
            let token = try authenticate(request, clock: clock)
            guard Scopes.allows(token.scopes, write: route.isWrite) else { throw .insufficientScopes }
            if let exhausted = quota.admit(write: route.isWrite, now: clock) { throw exhausted }
            guard var book = spreadsheets[route.spreadsheetID] else { throw .notFound }
            guard book.sharedWith.contains(token.email.lowercased()) else { throw .permissionDenied }
            let query = Query(request.query)
            let result: JSON
            // `book` is a copy: a request that fails changes nothing (batch requests are atomic).
            switch route {
            case .spreadsheetGet:
                result = book.describe(fields: query.first("fields"))
            case .valuesGet(_, let range):
                result = try book.valuesGet(range: range, query: query)
            case .valuesBatchGet:
                result = try book.valuesBatchGet(query: query)
            case .valuesAppend(_, let range):
                result = try book.valuesAppend(range: range, query: query, body: try Self.body(request))
            case .valuesBatchUpdate:
                result = try book.valuesBatchUpdate(body: try Self.body(request))
            case .spreadsheetBatchUpdate:
                result = try book.batchUpdate(body: try Self.body(request))
            }
            spreadsheets[book.id] = book
            return .json(200, result)
        } catch {
            return error.answer
        }
    }

    static func body(_ request: IncomingRequest) throws(APIError) -> JSON {
        if request.body.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) { return .object([]) }
        guard let json = try? JSON.parse(request.body), json.isObject else { throw .badJSON }
        return json
    }
}

// MARK: - Options

enum Options {
    static func render(_ value: String?, field: String = "value_render_option") throws(APIError) -> ValueRenderOption {
        guard let value else { return .formatted }
        guard let option = ValueRenderOption(rawValue: value) else {
            throw .badEnum(field: field, type: "ValueRenderOption", value: value)
        }
        return option
    }

    /// true for COLUMNS.
    static func columnsMajor(_ value: String?, field: String = "major_dimension") throws(APIError) -> Bool {
        switch value {
        case nil, "ROWS", "DIMENSION_UNSPECIFIED": return false
        case "COLUMNS": return true
        case let other?: throw .badEnum(field: field, type: "Dimension", value: other)
        }
    }

    static func input(_ value: String?, field: String = "value_input_option") throws(APIError) -> ValueInputOption {
        guard let value else { throw .missingInputOption() }
        guard let option = ValueInputOption(rawValue: value) else {
            if value == "INPUT_VALUE_OPTION_UNSPECIFIED" { throw .missingInputOption() }
            throw .badEnum(field: field, type: "ValueInputOption", value: value)
        }
        return option
    }

    /// The `values` of a ValueRange body as rows (transposed from COLUMNS when asked).
    static func rows(of valueRange: JSON, field: String) throws(APIError) -> [[JSON]] {
        let columns = try columnsMajor(valueRange["majorDimension"]?.stringValue, field: "\(field).major_dimension")
        guard let values = valueRange["values"] else { return [] }
        guard case .array(let lines) = values else {
            throw .invalidArgument("Invalid value at '\(field).values' (type.googleapis.com/google.protobuf.ListValue)")
        }
        var out: [[JSON]] = []
        for (i, line) in lines.enumerated() {
            guard case .array(let cells) = line else {
                throw .invalidArgument("Invalid value at '\(field).values[\(i)]' (type.googleapis.com/google.protobuf.ListValue), \(line.serialized().trimmingCharacters(in: .whitespacesAndNewlines))")
            }
            out.append(cells)
        }
        guard columns, !out.isEmpty else { return out }
        let height = out.map(\.count).max() ?? 0
        return (0..<height).map { r in out.map { r < $0.count ? $0[r] : .null } }
    }
}

// MARK: - Methods

extension Spreadsheet {
    func sheetProperties(_ index: Int) -> JSON {
        let sheet = sheets[index]
        var grid: [(String, JSON)] = [
            ("rowCount", .number(Double(sheet.rowCount))),
            ("columnCount", .number(Double(sheet.columnCount))),
        ]
        if let frozen = sheet.frozenRowCount, frozen > 0 { grid.append(("frozenRowCount", .number(Double(frozen)))) }
        return .object([
            ("sheetId", .number(Double(sheet.sheetID))),
            ("title", .string(sheet.title)),
            ("index", .number(Double(index))),
            ("sheetType", .string("GRID")),
            ("gridProperties", .object(grid)),
        ])
    }

    /// spreadsheets.get. `fields` is honoured at the top level only (`sheets.properties` → only `sheets`).
    func describe(fields: String?) -> JSON {
        let all: [(String, JSON)] = [
            ("spreadsheetId", .string(id)),
            ("properties", .object([
                ("title", .string(title)),
                ("locale", .string("es_MX")),
                ("timeZone", .string("America/Mexico_City")),
            ])),
            ("sheets", .array(sheets.indices.map { .object([("properties", sheetProperties($0))]) })),
            ("spreadsheetUrl", .string("https://docs.google.com/spreadsheets/d/\(id)/edit")),
        ]
        guard let fields, !fields.isEmpty else { return .object(all) }
        let wanted = Self.topLevelFields(fields)
        if wanted.contains("*") { return .object(all) }
        return .object(all.filter { wanted.contains($0.0) })
    }

    static func topLevelFields(_ mask: String) -> Set<String> {
        var names: Set<String> = []
        var depth = 0
        var current = ""
        var capturing = true
        for ch in mask {
            switch ch {
            case "(":
                if depth == 0 { capturing = false }
                depth += 1
            case ")": depth -= 1
            case "," where depth == 0:
                if !current.isEmpty { names.insert(current) }
                current = ""
                capturing = true
            case "." where depth == 0: capturing = false
            case "/" where depth == 0: capturing = false
            default:
                if depth == 0, capturing, !ch.isWhitespace { current.append(ch) }
            }
        }
        if !current.isEmpty { names.insert(current) }
        return names
    }

    func valueRange(_ range: GridRange, columnsMajor: Bool, render: ValueRenderOption) -> JSON {
        let values = sheets[range.sheetIndex].read(range, columnsMajor: columnsMajor)
        var fields: [(String, JSON)] = [
            ("range", .string(range.a1)),
            ("majorDimension", .string(columnsMajor ? "COLUMNS" : "ROWS")),
        ]
        if !values.isEmpty {
            fields.append(("values", .array(values.map { .array($0.map(render.render)) })))
        }
        return .object(fields)
    }

    func valuesGet(range text: String, query: Query) throws(APIError) -> JSON {
        let range = try resolve(text)
        let columns = try Options.columnsMajor(query.first("majorDimension"))
        let render = try Options.render(query.first("valueRenderOption"))
        return valueRange(range, columnsMajor: columns, render: render)
    }

    func valuesBatchGet(query: Query) throws(APIError) -> JSON {
        let columns = try Options.columnsMajor(query.first("majorDimension"))
        let render = try Options.render(query.first("valueRenderOption"))
        var ranges: [GridRange] = []
        for text in query.all("ranges") { ranges.append(try resolve(text)) }
        var fields: [(String, JSON)] = [("spreadsheetId", .string(id))]
        if !ranges.isEmpty {
            fields.append(("valueRanges", .array(ranges.map { valueRange($0, columnsMajor: columns, render: render) })))
        }
        return .object(fields)
    }

    struct WriteOutcome {
        var range: GridRange
        var written: GridRange?
        var rows = 0
        var columns = 0
        var cells = 0
    }

    /// Writes `rows` with their top-left at (`top`, `left`). `bound` limits the block (values.update with a
    /// multi-cell range); `growRows` lets the grid grow downwards (append).
    mutating func write(_ rows: [[JSON]], into range: GridRange, top: Int, left: Int, input: ValueInputOption,
                        bounded: Bool, growRows: Bool) throws(APIError) -> WriteOutcome {
        var outcome = WriteOutcome(range: range)
        let width = rows.map(\.count).max() ?? 0
        guard !rows.isEmpty, width > 0 else { return outcome }
        let bottom = top + rows.count - 1
        let right = left + width - 1
        if bounded {
            if bottom > range.bottom {
                throw .invalidArgument("Requested writing within range [\(range.a1)], but tried writing to row [\(range.bottom + 2)]")
            }
            if right > range.right {
                throw .invalidArgument("Requested writing within range [\(range.a1)], but tried writing to column [\(A1.columnLetters(range.right + 1))]")
            }
        }
        var sheet = sheets[range.sheetIndex]
        if right >= sheet.columnCount || (bottom >= sheet.rowCount && !growRows) {
            throw .exceedsGrid(title: sheet.title, cells: A1.cells(top: top, left: left, bottom: bottom, right: right), sheet: sheet)
        }
        if bottom >= sheet.rowCount { sheet.rowCount = bottom + 1 }
        var cells = 0
        for (r, line) in rows.enumerated() {
            for (c, value) in line.enumerated() {
                switch try CellInput.interpret(value, input, at: "[\(r)][\(c)]") {
                case .skip: continue
                case .set(let cell):
                    sheet.set(row: top + r, column: left + c, cell)
                    cells += 1
                }
            }
        }
        sheet.normalise()
        sheets[range.sheetIndex] = sheet
        outcome.written = GridRange(sheetIndex: range.sheetIndex, title: sheet.title, top: top, left: left, bottom: bottom,
                                    right: right, isSingleCell: false)
        outcome.rows = rows.count
        outcome.columns = width
        outcome.cells = cells
        return outcome
    }

    func updateResponse(_ outcome: WriteOutcome, includeValues: Bool, render: ValueRenderOption) -> JSON {
        var fields: [(String, JSON)] = [("spreadsheetId", .string(id))]
        guard let written = outcome.written else {
            fields.append(("updatedRange", .string(outcome.range.a1)))
            if includeValues {
                fields.append(("updatedData", .object([("range", .string(outcome.range.a1)), ("majorDimension", .string("ROWS"))])))
            }
            return .object(fields)
        }
        fields += [
            ("updatedRange", .string(written.a1)),
            ("updatedRows", .number(Double(outcome.rows))),
            ("updatedColumns", .number(Double(outcome.columns))),
            ("updatedCells", .number(Double(outcome.cells))),
        ]
        if includeValues { fields.append(("updatedData", valueRange(written, columnsMajor: false, render: render))) }
        return .object(fields)
    }

    /// A ValueRange body's `range`, when given, must name the same cells as the URL.
    func checkBodyRange(_ body: JSON, matches range: GridRange, urlText: String) throws(APIError) {
        guard let text = body["range"]?.stringValue else { return }
        let bodyRange = try resolve(text)
        guard bodyRange.sheetIndex == range.sheetIndex, bodyRange.top == range.top, bodyRange.left == range.left,
            bodyRange.bottom == range.bottom, bodyRange.right == range.right
        else {
            throw .invalidArgument("Invalid ValueRange: the range in the request body (\(text)) does not match the range in the URL (\(urlText)).")
        }
    }

    mutating func valuesAppend(range text: String, query: Query, body: JSON) throws(APIError) -> JSON {
        let input = try Options.input(query.first("valueInputOption"))
        let render = try Options.render(query.first("responseValueRenderOption"), field: "response_value_render_option")
        let insertRows: Bool
        switch query.first("insertDataOption") {
        case nil, "OVERWRITE": insertRows = false
        case "INSERT_ROWS": insertRows = true
        case let other?: throw .badEnum(field: "insert_data_option", type: "InsertDataOption", value: other)
        }
        let range = try resolve(text)
        try checkBodyRange(body, matches: range, urlText: text)
        let rows = try Options.rows(of: body, field: "data")
        let sheet = sheets[range.sheetIndex]
        // Like Sheets, the table found from the range's top-left may extend to the right of the range.
        let table = sheet.table(from: range.top, left: range.left, right: sheet.columnCount - 1)
        let top = table.map { $0.bottom + 1 } ?? range.top
        let left = table?.left ?? range.left
        let width = rows.map(\.count).max() ?? 0
        if !rows.isEmpty, width > 0, left + width - 1 >= sheet.columnCount {
            throw .exceedsGrid(title: sheet.title, cells: A1.cells(top: top, left: left, bottom: top + rows.count - 1, right: left + width - 1), sheet: sheet)
        }
        if insertRows, !rows.isEmpty, width > 0 {
            sheets[range.sheetIndex].insertRows(at: top, count: rows.count)
        }
        let anchor = GridRange(sheetIndex: range.sheetIndex, title: range.title, top: top, left: left, bottom: top, right: left,
                               isSingleCell: true)
        let outcome = try write(rows, into: anchor, top: top, left: left, input: input, bounded: false, growRows: true)
        var fields: [(String, JSON)] = [("spreadsheetId", .string(id))]
        if let table {
            fields.append(("tableRange", .string(A1.format(title: range.title, top: table.top, left: table.left,
                                                           bottom: table.bottom, right: table.right))))
        }
        fields.append(("updates", updateResponse(outcome, includeValues: query.bool("includeValuesInResponse"), render: render)))
        return .object(fields)
    }

    mutating func valuesBatchUpdate(body: JSON) throws(APIError) -> JSON {
        let input = try Options.input(body["valueInputOption"]?.stringValue)
        let render = try Options.render(body["responseValueRenderOption"]?.stringValue, field: "response_value_render_option")
        let includeValues = body["includeValuesInResponse"]?.boolValue ?? false
        let data = body["data"]?.arrayValue ?? []
        guard !data.isEmpty else { return .object([("spreadsheetId", .string(id))]) }
        var responses: [JSON] = []
        var totalRows = 0
        var totalColumns = 0
        var totalCells = 0
        var touchedSheets: Set<Int> = []
        for (i, item) in data.enumerated() {
            do throws(APIError) {
                guard let text = item["range"]?.stringValue else { throw .invalidArgument("Invalid data[\(i)]: range is required") }
                let range = try resolve(text)
                let rows = try Options.rows(of: item, field: "data[\(i)]")
                let outcome = try write(rows, into: range, top: range.top, left: range.left, input: input,
                                        bounded: !range.isSingleCell, growRows: false)
                responses.append(updateResponse(outcome, includeValues: includeValues, render: render))
                if outcome.written != nil {
                    totalRows += outcome.rows
                    totalColumns = max(totalColumns, outcome.columns)
                    totalCells += outcome.cells
                    touchedSheets.insert(sheets[range.sheetIndex].sheetID)
                }
            } catch {
                var prefixed = error
                if !prefixed.message.hasPrefix("Invalid data[") { prefixed.message = "Invalid data[\(i)]: " + prefixed.message }
                throw prefixed
            }
        }
        return .object([
            ("spreadsheetId", .string(id)),
            ("totalUpdatedRows", .number(Double(totalRows))),
            ("totalUpdatedColumns", .number(Double(totalColumns))),
            ("totalUpdatedCells", .number(Double(totalCells))),
            ("totalUpdatedSheets", .number(Double(touchedSheets.count))),
            ("responses", .array(responses)),
        ])
    }

    /// spreadsheets.batchUpdate: addSheet (all the bot asks for); all or nothing.
    mutating func batchUpdate(body: JSON) throws(APIError) -> JSON {
        guard let requests = body["requests"]?.arrayValue, !requests.isEmpty else {
            throw .invalidArgument("Must specify at least one request.")
        }
        var replies: [JSON] = []
        for (i, request) in requests.enumerated() {
            guard case .object(let pairs) = request, pairs.count == 1, let (name, payload) = pairs.first else {
                throw .invalidArgument("Invalid requests[\(i)]: exactly one kind of request must be set.")
            }
            switch name {
            case "addSheet": replies.append(try addSheet(payload, index: i))
            default:
                throw .invalidArgument("Invalid JSON payload received. Unknown name \"\(name)\" at 'requests[\(i)]': the emulator does not implement it.")
            }
        }
        return .object([("spreadsheetId", .string(id)), ("replies", .array(replies))])
    }

    private mutating func addSheet(_ payload: JSON, index i: Int) throws(APIError) -> JSON {
        let properties = payload["properties"] ?? .object([])
        let prefix = "Invalid requests[\(i)].addSheet: "
        var title: String
        if let given = properties["title"]?.stringValue {
            title = given
            guard !title.isEmpty else { throw .invalidArgument(prefix + "The sheet name cannot be empty.") }
        } else {
            var n = sheets.count + 1
            repeat { title = "Hoja \(n)"; n += 1 } while sheets.contains(where: { $0.title.lowercased() == title.lowercased() })
        }
        if sheets.contains(where: { $0.title.lowercased() == title.lowercased() }) {
            throw .invalidArgument(prefix + "A sheet with the name \"\(title)\" already exists. Please enter another name.")
        }
        let grid = properties["gridProperties"] ?? .object([])
        let rowCount = grid["rowCount"]?.integerValue ?? 1000
        let columnCount = grid["columnCount"]?.integerValue ?? 26
        guard rowCount > 0, columnCount > 0, columnCount <= A1.maxColumns, rowCount * columnCount <= 10_000_000 else {
            throw .invalidArgument(prefix + "This action would increase the number of cells in the workbook above the limit of 10000000 cells.")
        }
        let sheetID: Int
        if let requested = properties["sheetId"]?.integerValue {
            guard !sheets.contains(where: { $0.sheetID == requested }) else {
                throw .invalidArgument(prefix + "Sheet with id \(requested) already exists.")
            }
            sheetID = requested
        } else {
            sheetID = nextSheetID()
        }
        let position = min(max(properties["index"]?.integerValue ?? sheets.count, 0), sheets.count)
        sheets.insert(Sheet(sheetID: sheetID, title: title, rowCount: rowCount, columnCount: columnCount,
                            frozenRowCount: grid["frozenRowCount"]?.integerValue), at: position)
        return .object([("addSheet", .object([("properties", sheetProperties(position))]))])
    }
}
