"""The PySide6 user interface; it reaches the store only through services."""
