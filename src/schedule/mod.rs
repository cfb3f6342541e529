//! Deadline text -> schedule -> occurrences (work in progress).
