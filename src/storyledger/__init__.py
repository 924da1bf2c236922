"""storyledger: a sourced ledger of who reported what, when, citing whom."""

__version__ = "0.1.0"
