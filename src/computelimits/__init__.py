"""computelimits: how much does deep-learning progress depend on computing power?"""

__version__ = "0.1.0"
