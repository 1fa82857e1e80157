import Testing

/// Every end-to-end test starts real `launcher` processes; on a 2-core machine they run one
/// at a time (the suites below are nested here so the trait applies to all of them), which
/// keeps their timing realistic instead of starved.
@Suite(.serialized) enum EndToEnd {}
