"""Benchmarks and the soak: scripts that print their figures (`make bench`, `make soak`)."""
