"""Test data builders, one module per app. Build what a test needs; no big fixtures."""
