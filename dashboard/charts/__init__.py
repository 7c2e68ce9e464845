"""Indicator frames to Altair charts, with Swedish labels and tooltips.

Colours keep one meaning (`style`): unknown or not published is a dashed grey named in text, never a palette
colour; every colour is doubled by a letter, a label, a shape or a position, every coloured mark is outlined, and
legends are never cut. A module per subject: `units`, `funding`, `counts` (over time), `surveys`, `scenario`; the
labelled-row layout they share is `rows`."""
