"""loopbaan: a keyboard-driven career journal for the terminal."""

__version__ = "0.1.0"
