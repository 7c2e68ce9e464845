"""Performance measurements, apart from the test suite: `python -m dashboard bench`."""
