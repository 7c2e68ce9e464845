"""Importing a user's file: read, validate, check against the data, commit, undo."""
