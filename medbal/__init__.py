"""medbal: why a medical-insurance personal account shows 0, and what to bring to claim."""

__version__ = "0.1.0"
