"""The command line (`python -m dashboard`)."""
