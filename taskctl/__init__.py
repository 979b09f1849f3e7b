"""taskctl: import Chinese government work plans into a task ledger, track them, report on them."""

__version__ = "0.1.0"
