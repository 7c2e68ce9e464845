"""The scenario model for next year's funding, its baseline from the data, and its presentation."""
