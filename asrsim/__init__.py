"""asrsim: rehearse Azure Site Recovery VMM-to-VMM disaster recovery against a simulated estate."""

__version__ = "0.1.0"
