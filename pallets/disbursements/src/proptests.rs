//! Property test (being written).
