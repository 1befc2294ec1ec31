"""The decision logic and the data it works on: pure, no I/O."""
