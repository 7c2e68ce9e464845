"""Decision support for the PEER support programme in Stockholm city's social psychiatry."""
