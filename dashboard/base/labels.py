"""The Swedish words for the data's coded values that the store writes as well as shows: a funding agreement's
status is a code in the database and a word in files and on screen."""

FUNDING_STATUS_LABELS = {"decided": "beslutad", "expected": "förväntad", "unknown": "okänd"}
STATUS_CODES = {label: code for code, label in FUNDING_STATUS_LABELS.items()}   # Swedish in files
