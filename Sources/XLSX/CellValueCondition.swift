internal import CXLSXWriter

/// A test on a cell's number, for `Worksheet.conditionalFormat(...when:format:)`.
public enum CellValueCondition: Sendable, Hashable {
    case equalTo(Double)
    case notEqualTo(Double)
    case greaterThan(Double)
    case greaterThanOrEqualTo(Double)
    case lessThan(Double)
    case lessThanOrEqualTo(Double)
    /// Between the two bounds, both included.
    case between(Double, Double)
    case notBetween(Double, Double)

    /// Fills in the criteria and values of a libxlsxwriter cell rule.
    func configure(_ rule: inout lxw_conditional_format) {
        func set(_ criteria: lxw_conditional_criteria, _ value: Double) {
            rule.criteria = UInt8(criteria.rawValue)
            rule.value = value
        }
        func set(_ criteria: lxw_conditional_criteria, _ low: Double, _ high: Double) {
            rule.criteria = UInt8(criteria.rawValue)
            rule.min_value = low
            rule.max_value = high
        }
        switch self {
        case .equalTo(let value): set(LXW_CONDITIONAL_CRITERIA_EQUAL_TO, value)
        case .notEqualTo(let value): set(LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO, value)
        case .greaterThan(let value): set(LXW_CONDITIONAL_CRITERIA_GREATER_THAN, value)
        case .greaterThanOrEqualTo(let value): set(LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO, value)
        case .lessThan(let value): set(LXW_CONDITIONAL_CRITERIA_LESS_THAN, value)
        case .lessThanOrEqualTo(let value): set(LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO, value)
        case .between(let low, let high): set(LXW_CONDITIONAL_CRITERIA_BETWEEN, low, high)
        case .notBetween(let low, let high): set(LXW_CONDITIONAL_CRITERIA_NOT_BETWEEN, low, high)
        }
    }
}
